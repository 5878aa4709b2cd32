import type { Command } from 'commander';
import type { CheckReport } from '../pipeline/check.js';
import { shown } from '../shown-value.js';
import { addPathOptions, runSettings, type SourceFlags } from './settings.js';

interface CheckFlags extends SourceFlags {
  json?: boolean;
}

/** `readme-i18n check`: exit 1 when a language is stale, for CI. */
export function registerCheck(program: Command): void {
  addPathOptions(program.command('check'))
    .description(
      'exit 1 when a translation is stale: units the memory lacks, or an output that does not match it',
    )
    .option('--lang <codes>', 'languages to check, comma-separated (default: every output found)')
    .option('--json', 'print one JSON line per language')
    .action(async (flags: CheckFlags, command: Command) => {
      const settings = await runSettings(flags, command);
      const { runCheck } = await import('../pipeline/check.js');
      const reports = await runCheck({
        langs: settings.langs,
        sources: settings.sources,
        from: settings.from,
        out: settings.out,
        memory: settings.memory,
        switcher: settings.switcher,
        glossary: settings.glossary,
        terms: settings.terms,
        frontMatter: settings.frontMatter,
        allowOutsideRepo: flags.allowOutsideRepo,
      });
      if (reports.length === 0) {
        process.stderr.write(
          'readme-i18n: no translation to check: none found; pass --lang or run `readme-i18n translate` first\n',
        );
        process.exitCode = 2;
        return;
      }
      for (const report of reports) print(report, flags.json === true);
      if (
        reports.some(
          (report) => report.untranslated.length > 0 || report.refused.length > 0 || !report.outputCurrent,
        )
      )
        process.exitCode = 1;
    });
}

function print(report: CheckReport, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const fix = `run \`readme-i18n translate --lang ${report.lang}\``;
  const file = shown(report.file);
  for (const refused of report.refused) {
    process.stdout.write(`${report.lang}: line ${refused.line} is refused: ${refused.reason}
`);
  }
  if (report.untranslated.length === 0 && report.refused.length === 0 && report.outputCurrent) {
    process.stdout.write(`${report.lang}: up to date (${report.units} units, ${file})
`);
    return;
  }
  if (report.untranslated.length > 0) {
    process.stdout.write(
      `${report.lang}: ${report.untranslated.length} of ${report.units} units have no current translation; ${fix}\n`,
    );
    for (const unit of report.untranslated.slice(0, 20)) {
      process.stdout.write(`  line ${unit.line}: ${excerpt(unit.source)}\n`);
    }
    if (report.untranslated.length > 20)
      process.stdout.write(`  … and ${report.untranslated.length - 20} more\n`);
  }
  if (report.outputMissing) process.stdout.write(`${report.lang}: ${file} is missing; ${fix}\n`);
  else if (!report.outputCurrent) {
    process.stdout.write(
      `${report.lang}: ${file} does not match the translation memory (edited by hand, or the source changed); ${fix}\n`,
    );
  }
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return shown(line.length > 80 ? `${line.slice(0, 79)}…` : line);
}
