import type { Command } from 'commander';
import type { SourceNames } from '../pipeline/list-kept-names.js';
import { shown } from '../shown-value.js';
import { addPathOptions, runSettings, type SourceFlags } from './settings.js';

interface TermsFlags extends SourceFlags {
  json?: boolean;
}

/** `readme-i18n terms`: the names `translate` keeps as written, with why, for review. */
export function registerTerms(program: Command): void {
  addPathOptions(program.command('terms'))
    .description(
      'list the names translate keeps as written in each source, why, and where first; nothing is sent or written',
    )
    .option('--glossary <terms>', 'terms never translated, comma-separated (Vagrant,XAPI)')
    .option('--json', 'print one JSON line per name: file, name, reason, line, count')
    .action(async (flags: TermsFlags, command: Command) => {
      const settings = await runSettings(flags, command);
      const [{ translateOptionsOf }, { listKeptNames }] = await Promise.all([
        import('../config/step-options.js'),
        import('../pipeline/list-kept-names.js'),
      ]);
      const sources = await listKeptNames({
        ...translateOptionsOf(settings),
        allowOutsideRepo: flags.allowOutsideRepo,
      });
      for (const source of sources)
        process.stdout.write(flags.json === true ? asJson(source) : asTable(source));
    });
}

function asJson(source: SourceNames): string {
  return source.names.map((kept) => `${JSON.stringify({ file: source.file, ...kept })}\n`).join('');
}

/** `README.md: 3 names kept`, then one aligned line per name: line, times, name, why. */
function asTable(source: SourceNames): string {
  const count = source.names.length;
  const head = `${shown(source.file)}: ${count} ${count === 1 ? 'name' : 'names'} kept as written\n`;
  if (count === 0) return head;
  const rows = [
    ['line', 'times', 'name', 'why'],
    ...source.names.map((kept) => [String(kept.line), String(kept.count), shown(kept.name), kept.reason]),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    `  ${(row[0] ?? '').padStart(widths[0] ?? 0)}  ${(row[1] ?? '').padStart(widths[1] ?? 0)}  ${(row[2] ?? '').padEnd(widths[2] ?? 0)}  ${row[3] ?? ''}\n`;
  return head + rows.map(line).join('');
}
