import type { LanguageReport } from '../pipeline/translate.js';

const columns: ReadonlyArray<readonly [string, (report: LanguageReport) => string]> = [
  ['language', (report) => report.lang],
  ['file', (report) => report.file],
  ['from memory', (report) => String(report.fromMemory)],
  ['translated', (report) => String(report.unitsSent)],
  ['by hand', (report) => String(report.byHand)],
  ['kept in source', (report) => String(report.keptSource)],
  ['characters billed', (report) => report.charsSent.toLocaleString('en')],
];

/** The end of a run: per language and file, where each unit's translation came from. */
export function summaryTable(reports: readonly LanguageReport[]): string {
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
