import { ok, problem, type CheckResult } from './check.js';
import { findExecutable } from './find-executable.js';
import { outputOf } from './run-command.js';

const name = 'fonts';

/** The scripts a README may use that need fonts beyond Latin, and the Debian package of each. */
const wanted: readonly { readonly what: string; readonly family: RegExp; readonly pkg: string }[] = [
  {
    what: 'Noto Sans CJK (Chinese, Japanese, Korean)',
    family: /^Noto (Sans|Serif) CJK/,
    pkg: 'fonts-noto-cjk',
  },
  { what: 'Noto Sans Arabic', family: /^Noto (Sans|Naskh|Kufi) Arabic/, pkg: 'fonts-noto-core' },
  { what: 'Noto Color Emoji', family: /^Noto Color Emoji/, pkg: 'fonts-noto-color-emoji' },
];

/** Which of the wanted fonts are among `families` (as `fc-list : family` prints them). */
export function checkFontFamilies(families: readonly string[]): CheckResult {
  const names = families.flatMap((line) => line.split(',')).map((family) => family.trim());
  const missing = wanted.filter((font) => !names.some((family) => font.family.test(family)));
  if (missing.length === 0) return ok(name, wanted.map((font) => font.what).join(', '));
  return problem(
    name,
    `missing ${missing.map((font) => font.what).join(', ')}: PDFs would show empty boxes for these scripts`,
    [`sudo apt-get install ${[...new Set(missing.map((font) => font.pkg))].join(' ')}`],
  );
}

/** Asks fontconfig, as Chromium does, which font families are installed. */
export async function checkFonts(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<CheckResult> {
  const fcList = findExecutable('fc-list', env);
  const output = fcList === undefined ? undefined : await outputOf(fcList, [':', 'family']);
  if (output === undefined) {
    return problem(name, 'fontconfig (fc-list) is not installed, so no font can be found', [
      `sudo apt-get install fontconfig ${[...new Set(wanted.map((font) => font.pkg))].join(' ')}`,
    ]);
  }
  return checkFontFamilies(output.split('\n'));
}
