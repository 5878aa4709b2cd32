import { readdir } from 'node:fs/promises';
import { posix } from 'node:path';
import type { SwitcherLink } from '../markdown/switcher.js';

/**
 * The output path of a source for a language: `{lang}`, `{name}` (the file name without `.md`) and
 * `{dir}` (the source's folder) replaced.
 */
export function outputPath(pattern: string, lang: string, sourcePath = 'README.md'): string {
  const name = posix.basename(sourcePath).replace(/\.(?:md|markdown)$/i, '');
  return posix.normalize(
    pattern
      .replaceAll('{dir}', posix.dirname(sourcePath))
      .replaceAll('{name}', name)
      .replaceAll('{lang}', lang),
  );
}

/** Languages that already have an output of this source on disk (when `{lang}` is in the file name). */
export async function existingLanguages(
  cwd: string,
  pattern: string,
  sourcePath = 'README.md',
): Promise<string[]> {
  const file = outputPath(pattern, '{lang}', sourcePath);
  const folder = posix.dirname(file);
  if (folder.includes('{lang}')) return [];
  const escaped = posix.basename(file).replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const matcher = new RegExp(`^${escaped.replace(/\{lang\}/g, '([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)')}$`);
  try {
    const names = await readdir(posix.join(cwd, folder));
    return names.flatMap((name) => {
      const lang = matcher.exec(name)?.[1];
      return lang ? [lang] : [];
    });
  } catch {
    return [];
  }
}

/** The switcher of one output: every language, linked relative to that output's folder. */
export function switcherLinks(
  current: string,
  languages: ReadonlyArray<{ lang: string; path: string }>,
): SwitcherLink[] {
  const self = languages.find((language) => language.lang === current);
  const from = posix.dirname(self?.path ?? '.');
  return languages.map((language) => ({
    lang: language.lang,
    href: language.lang === current ? undefined : posix.relative(from, language.path),
  }));
}
