import { ok, problem, type CheckResult } from './check.js';
import { findExecutable } from './find-executable.js';
import { firstLineOf } from './run-command.js';

const name = 'gettext';

/** `msgfmt`, which `check` uses to validate the translation memories. */
export async function checkGettext(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<CheckResult> {
  const msgfmt = findExecutable('msgfmt', env);
  const version = msgfmt === undefined ? undefined : await firstLineOf(msgfmt, ['--version']);
  if (msgfmt === undefined || version === undefined) {
    return problem(name, 'msgfmt is not installed; `readme-i18n check` needs it to validate PO files', [
      'sudo apt-get install gettext',
    ]);
  }
  return ok(name, `${msgfmt} (${version})`);
}
