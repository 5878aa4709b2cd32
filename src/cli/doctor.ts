import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';

interface DoctorFlags {
  lang?: string;
  model?: string;
  json?: boolean;
}

/** `readme-i18n doctor`: checks what translating and rendering need, with the command that fixes each problem. */
export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description(
      'check Node, Chromium, fonts, Apertium pairs, the DeepL key, the OpenAI-compatible server and gettext; print how to fix each problem',
    )
    .option(
      '--lang <codes>',
      'target languages to check, comma-separated (default: those of the configuration)',
    )
    .option(
      '--model <name>',
      'the model to look for on the OpenAI-compatible server (default: model: or OPENAI_MODEL)',
    )
    .option('--json', 'print the findings as JSON')
    .action(async (flags: DoctorFlags) => {
      const [{ redact }, { formatReport }, { runDoctor }, { parseLanguageList }] = await Promise.all([
        import('../engines/deepl-errors.js'),
        import('../config/checks/format-report.js'),
        import('../config/checks/run-doctor.js'),
        import('../language-tag.js'),
      ]);
      const results = await runDoctor({
        cwd: process.cwd(),
        requiredNode: await requiredNodeRange(),
        ...(flags.lang === undefined ? {} : { langs: parseLanguageList(flags.lang) }),
        ...(flags.model === undefined ? {} : { model: flags.model }),
      });
      const problems = results.some((result) => result.status === 'problem');
      const text = flags.json
        ? `${JSON.stringify({ ok: !problems, checks: results }, null, 2)}\n`
        : formatReport(results);
      // No check puts the key in what it says; this makes sure of it.
      const keys = [process.env.DEEPL_AUTH_KEY, process.env.OPENAI_API_KEY].map((key) => key?.trim() ?? '');
      process.stdout.write(keys.reduce((out, key) => redact(out, key), text));
      if (problems) process.exitCode = 1;
    });
}

/** The `engines.node` range of our package.json, where it is stated once. */
async function requiredNodeRange(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    engines?: { node?: string };
  };
  return manifest.engines?.node ?? '>=20.19';
}
