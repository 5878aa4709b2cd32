import { Command, Option } from 'commander';
import type { LanguageReport, TranslateResult } from '../pipeline/translate.js';
import { handleInterruptions } from './interrupt.js';
import { terminalSafe } from '../shown-value.js';
import { keepHeapSmall } from './process-setup.js';
import { createProgress } from './progress.js';
import { summaryTable } from './summary-table.js';
import { addPathOptions, parseCount, runSettings, type SourceFlags } from './settings.js';

interface TranslateFlags extends SourceFlags {
  json?: boolean;
  quiet?: boolean;
  dryRun?: boolean;
  prune?: boolean;
  retranslate?: boolean | string;
  maxSize?: string;
}

/** `readme-i18n translate`: the flags, parsed here; the work, done by the pipeline. */
export function registerTranslate(program: Command): void {
  addPathOptions(program.command('translate'))
    .description('translate a Markdown file into other languages, keeping every byte that is not prose')
    .option('--lang <codes>', 'target languages, comma-separated (fr,es,pt-BR); else from the configuration')
    .addOption(
      new Option(
        '--engine <name>',
        'deepl, openai, apertium, pseudo or identity (default: deepl with DEEPL_AUTH_KEY, else apertium)',
      ),
    )
    .option('--model <name>', 'the model of --engine openai (gpt-4o-mini, llama3.1:8b); else OPENAI_MODEL')
    .option('--timeout <seconds>', 'longest wait for one answer of the engine (default: 60)')
    .option('--glossary <terms>', 'terms never translated, comma-separated (Vagrant,XAPI)')
    .option(
      '--front-matter <keys>',
      'front-matter keys whose values are translated, comma-separated (title,description)',
    )
    .option('--concurrency <n>', 'requests in flight at once, and languages translated at once (default: 4)')
    .option('--max-size <bytes>', 'largest source accepted, in bytes (default: 5000000)')
    .option('--dry-run', 'count what would be sent (and, with DeepL, the quota left); send and write nothing')
    .option('--prune', 'drop memory entries the source no longer has instead of keeping them obsolete')
    .option(
      '--retranslate [engine]',
      'send again every unit an engine translated, or only those of the engine named; never a human translation',
    )
    .option('--json', 'print one JSON line per language instead of a summary')
    .option('--quiet', 'print nothing but errors')
    .action(async (flags: TranslateFlags, command: Command) => {
      keepHeapSmall();
      const progress = createProgress(process.stderr, !flags.quiet && !flags.json);
      const dryRun = flags.dryRun === true;
      const settings = await runSettings(flags, command);
      const [{ translateOptionsOf }, { runTranslate }] = await Promise.all([
        import('../config/step-options.js'),
        import('../pipeline/translate.js'),
      ]);
      const interruption = handleInterruptions();
      const result = await runTranslate(
        {
          ...translateOptionsOf(settings),
          maxSizeBytes: parseCount(flags.maxSize, '--max-size'),
          dryRun,
          prune: flags.prune,
          retranslate: flags.retranslate,
          allowOutsideRepo: flags.allowOutsideRepo,
        },
        {
          onBatch: progress.batch,
          onWait: progress.wait,
          onLanguage: (report) => {
            progress.clear();
            for (const warning of report.warnings)
              process.stderr.write(`readme-i18n: warning: ${terminalSafe(warning)}\n`);
            if (!flags.quiet || flags.json) printReport(report, flags.json === true, dryRun);
            // Why the run exits 1: shown with --quiet too ("nothing but errors").
            if (!flags.json) printKept(report);
          },
          signal: interruption.signal,
        },
      ).finally(() => interruption.dispose());
      if (dryRun && !flags.quiet) printUsage(result, flags.json === true);
      if (!dryRun && !flags.quiet && !flags.json) process.stdout.write(`\n${summaryTable(result.languages)}`);
      if (result.languages.some((report) => report.keptSource > 0)) process.exitCode = 1;
    });
}

const jsonFields = [
  'lang',
  'file',
  'units',
  'unitsUnique',
  'unitsSent',
  'charsSent',
  'tokens',
  'charsBilled',
  'tokensEstimate',
  'requests',
  'keptSource',
  'ms',
] as const;

function printReport(report: LanguageReport, json: boolean, dryRun: boolean): void {
  if (json) {
    const line = Object.fromEntries(jsonFields.map((field) => [field, report[field]]));
    process.stdout.write(`${JSON.stringify(dryRun ? { ...line, dryRun } : line)}\n`);
    return;
  }
  const memory = `${report.fromMemory} from memory${report.byHand > 0 ? ` (${report.byHand} by hand)` : ''}`;
  if (dryRun) {
    const tokens =
      report.tokensEstimate === undefined ? '' : `, ~${report.tokensEstimate.toLocaleString('en')} tokens`;
    process.stdout.write(
      `${report.lang}: ${terminalSafe(report.file)} — would send ${report.unitsSent} units (${report.charsSent.toLocaleString('en')} characters${tokens}) ` +
        `in ${report.requests} requests; ${memory}\n`,
    );
    return;
  }
  process.stdout.write(
    `${report.lang}: ${terminalSafe(report.file)} — ${report.units} units (${report.unitsUnique} unique), ${memory}, ` +
      `${report.unitsSent} sent in ${report.requests} requests (${report.charsSent.toLocaleString('en')} characters` +
      `${report.charsBilled > 0 ? `, ${report.charsBilled.toLocaleString('en')} billed` : ''}` +
      `${report.tokens === undefined ? '' : `, ${report.tokens.toLocaleString('en')} tokens`}), ` +
      `${(report.ms / 1000).toFixed(1)} s\n`,
  );
}

function printKept(report: LanguageReport): void {
  for (const kept of report.kept) {
    process.stderr.write(
      `  ${report.lang}: line ${kept.line} kept its source text: ${terminalSafe(kept.reason)}\n`,
    );
  }
}

function printUsage(result: TranslateResult, json: boolean): void {
  const usage = result.usage;
  if (json) {
    process.stdout.write(`${JSON.stringify({ engine: result.engine, usage: usage ?? null })}\n`);
    return;
  }
  if (!usage) return;
  const left = usage.characterLimit - usage.characterCount;
  process.stdout.write(
    `${result.engine}: ${usage.characterCount.toLocaleString('en')} of ${usage.characterLimit.toLocaleString('en')} ` +
      `characters used this period, ${left.toLocaleString('en')} left\n`,
  );
}
