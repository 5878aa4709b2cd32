import { posix } from 'node:path';
import { findLanguageFiles } from '../language-files.js';
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

/** Languages that already have an output of this source on disk. */
export function existingLanguages(cwd: string, pattern: string, sourcePath = 'README.md'): Promise<string[]> {
  return findLanguageFiles(cwd, outputPath(pattern, '{lang}', sourcePath));
}

/** Each source's output in one language, by source path: links between sources go to these. */
export function translationPaths(
  sources: ReadonlyArray<{ readonly path: string }>,
  out: string,
  lang: string,
): Map<string, string> {
  return new Map(sources.map((source) => [source.path, outputPath(out, lang, source.path)]));
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
