import escapeStringRegexp from 'escape-string-regexp';
import { sep } from 'node:path';
import { glob } from 'tinyglobby';
import { isLanguageTag } from './language-tag.js';

/**
 * The language tag `file` stands for under `pattern` (`{lang}` standing for the tag, as often as it
 * appears, always the same), or undefined when the file does not match or the tag is not valid.
 */
export function languageOfFile(pattern: string, file: string): string | undefined {
  const parts = pattern.split(sep).join('/').split('{lang}');
  if (parts.length < 2) return undefined;
  const [first = '', ...rest] = parts.map(escapeStringRegexp);
  // The first `{lang}` captures the tag; every later one must repeat it.
  const expression = new RegExp(`^${first}([A-Za-z][A-Za-z\\d_-]*)${rest.join('\\1')}$`);
  const lang = expression.exec(file.split(sep).join('/'))?.[1];
  return lang !== undefined && isLanguageTag(lang) ? lang : undefined;
}

/**
 * Every language with a file matching `pattern` (relative to `root`, `{lang}` standing for the code),
 * sorted. Used by translate (for the switcher), check and render alike.
 */
export async function findLanguageFiles(root: string, pattern: string): Promise<string[]> {
  const normalized = pattern.split(sep).join('/');
  const files = await glob(escapeGlob(normalized).replaceAll('\\{lang\\}', '*'), {
    cwd: root,
    onlyFiles: true,
  });
  const langs = files
    .map((file) => languageOfFile(normalized, file))
    .filter((lang): lang is string => lang !== undefined);
  return [...new Set(langs)].sort();
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]{}()!@+]/g, '\\$&');
}
