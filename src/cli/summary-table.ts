import type { LanguageReport } from '../pipeline/translate.js';

const characterColumns: ReadonlyArray<readonly [string, (report: LanguageReport) => string]> = [
  ['language', (report) => report.lang],
  ['file', (report) => report.file],
  ['from memory', (report) => String(report.fromMemory)],
  ['translated', (report) => String(report.unitsSent)],
  ['by hand', (report) => String(report.byHand)],
  ['kept in source', (report) => String(report.keptSource)],
  ['characters sent', (report) => report.charsSent.toLocaleString('en')],
  ['characters billed', (report) => report.charsBilled.toLocaleString('en')],
];

/** For engines billed by token (openai): what the server counted, in place of characters. */
const tokenColumns: typeof characterColumns = [
  ...characterColumns.slice(0, -1),
  ['tokens', (report) => (report.tokens ?? 0).toLocaleString('en')],
];

/** The end of a run: per language and file, where each unit's translation came from. */
export function summaryTable(reports: readonly LanguageReport[]): string {
  const columns = reports.some((report) => report.tokens !== undefined) ? tokenColumns : characterColumns;
  const rows = [
    columns.map(([title]) => title),
    ...reports.map((report) => columns.map(([, cell]) => cell(report))),
  ];
  const widths = columns.map((_, index) => Math.max(...rows.map((row) => (row[index] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, index) =>
          index < 2 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}
