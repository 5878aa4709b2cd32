import type { CheckResult } from './check.js';

/** The doctor's findings for a terminal: one line each, the fixes indented under a problem. */
export function formatReport(results: readonly CheckResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`${result.status.padEnd(8)} ${result.name}: ${result.detail}`);
    result.fixes.forEach((fix, index) =>
      lines.push(
        `${' '.repeat(9)}${index > 0 ? 'or: ' : result.status === 'problem' ? 'fix:' : 'try:'} ${fix}`,
      ),
    );
  }
  const problems = results.filter((result) => result.status === 'problem').length;
  lines.push(
    problems === 0
      ? 'no problems found'
      : `${problems} problem${problems === 1 ? '' : 's'}: run the fix lines above, then readme-i18n doctor again`,
  );
  return `${lines.join('\n')}\n`;
}
