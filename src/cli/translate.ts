import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { parseLanguageList } from '../pipeline/languages.js';
import { runTranslate, type LanguageReport } from '../pipeline/translate.js';
import { createProgress } from './progress.js';

interface TranslateFlags {
  source?: string;
  from?: string;
  lang: string;
  engine?: string;
  out?: string;
  switcher: boolean;
  json?: boolean;
  quiet?: boolean;
  maxSize?: string;
  concurrency?: string;
  glossary?: string;
  frontMatter?: string;
}

/** `readme-i18n translate`: the flags, parsed here; the work, done by the pipeline. */
export function registerTranslate(program: Command): void {
  program
    .command('translate')
    .description('translate a Markdown file into other languages, keeping every byte that is not prose')
    .requiredOption('--lang <codes>', 'target languages, comma-separated (fr,es,pt-BR)')
    .option('--source <file>', 'the Markdown file to translate (default: README.md)')
    .option('--from <code>', 'the source language (default: en)')
    .addOption(
      new Option(
        '--engine <name>',
        'deepl, apertium, pseudo or identity (default: deepl with DEEPL_AUTH_KEY, else apertium)',
      ),
    )
    .option('--out <pattern>', "output path, {lang} for the language (default: 'locales/README.{lang}.md')")
    .option('--no-switcher', 'leave the language switcher out of the outputs')
    .option('--glossary <terms>', 'terms never translated, comma-separated (Vagrant,XAPI)')
    .option(
      '--front-matter <keys>',
      'front-matter keys whose values are translated, comma-separated (title,description)',
    )
    .option('--concurrency <n>', 'requests in flight at once (default: 4)')
    .option('--max-size <bytes>', 'largest source accepted, in bytes (default: 5000000)')
    .option('--json', 'print one JSON line per language instead of a summary')
    .option('--quiet', 'print nothing but errors')
    .action(async (flags: TranslateFlags) => {
      const progress = createProgress(process.stderr, !flags.quiet && !flags.json);
      const reports = await runTranslate(
        {
          langs: parseLanguageList(flags.lang),
          source: flags.source,
          from: flags.from,
          engine: flags.engine,
          out: flags.out,
          switcher: flags.switcher,
          glossary: splitList(flags.glossary),
          frontMatter: splitList(flags.frontMatter),
          concurrency: parseCount(flags.concurrency, '--concurrency'),
          maxSizeBytes: parseCount(flags.maxSize, '--max-size'),
        },
        {
          onBatch: progress.batch,
          onLanguage: (report) => {
            progress.clear();
            if (!flags.quiet || flags.json) printReport(report, flags.json === true);
          },
        },
      );
      if (reports.some((report) => report.keptSource > 0)) process.exitCode = 1;
    });
}

function splitList(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1)
    throw new UsageError(`${flag} takes a whole number of at least 1, not '${value}'`);
  return count;
}

function printReport(report: LanguageReport, json: boolean): void {
  if (json) {
    const { kept: _kept, ...line } = report;
    process.stdout.write(`${JSON.stringify(line)}\n`);
    return;
  }
  process.stdout.write(
    `${report.lang}: ${report.file} — ${report.units} units (${report.unitsUnique} unique), ` +
      `${report.unitsSent} sent in ${report.requests} requests (${report.charsSent} characters), ${(report.ms / 1000).toFixed(1)} s\n`,
  );
  for (const kept of report.kept) {
    process.stderr.write(`  ${report.lang}: line ${kept.line} kept its source text: ${kept.reason}\n`);
  }
}
