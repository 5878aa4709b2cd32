/** One finding of `readme-i18n doctor`. */
export interface CheckResult {
  /** What was checked: `Node.js`, `Chromium`, `Apertium en → fr`. */
  readonly name: string;
  /** `problem` fails the doctor (exit 1); `note` is worth knowing but stops nothing. */
  readonly status: 'ok' | 'problem' | 'note';
  /** What was found. */
  readonly detail: string;
  /** The exact commands that fix a problem, best first. */
  readonly fixes: readonly string[];
}

export function ok(name: string, detail: string): CheckResult {
  return { name, status: 'ok', detail, fixes: [] };
}

export function problem(name: string, detail: string, fixes: readonly string[]): CheckResult {
  return { name, status: 'problem', detail, fixes };
}

export function note(name: string, detail: string, fixes: readonly string[] = []): CheckResult {
  return { name, status: 'note', detail, fixes };
}
