import { sep } from 'node:path';
import { glob } from 'tinyglobby';

/** What a language code in a file name looks like: `fr`, `pt-BR`, `zh-Hans`, `en-XA`. */
export const languageCodeShape = /^[A-Za-z]{2,3}(?:[-_][A-Za-z\d]{2,8})*$/;

/**
 * Every language with a file matching `pattern` (relative to `root`, `{lang}` standing for the code),
 * sorted. Used by translate (for the switcher), check and render alike.
 */
export async function findLanguageFiles(root: string, pattern: string): Promise<string[]> {
  const [before, after] = splitOnce(pattern.split(sep).join('/'), '{lang}');
  const files = await glob(`${escapeGlob(before)}*${escapeGlob(after.replaceAll('{lang}', '*'))}`, {
    cwd: root,
    onlyFiles: true,
  });
  const langs = files
    .map((file) => file.slice(before.length, file.length - after.length))
    .filter((lang) => languageCodeShape.test(lang));
  return [...new Set(langs)].sort();
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]{}()!@+]/g, '\\$&');
}
