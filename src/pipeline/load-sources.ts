import { posix, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { MarkdownLimitError } from '../markdown/parse-limits.js';
import { findSources } from './find-sources.js';
import { existingLanguages, outputPath } from './outputs.js';
import { readSource } from './read-source.js';
import { checkRunPaths, type PlannedSource } from './run-paths.js';
import type { SourceDocument, SourceFile } from './source-document.js';
import type { ResolvedTranslateOptions } from './translate-options.js';

/**
 * Finds and reads every source of a run, with the languages each one's switcher lists. Every file
 * the run will touch is checked first (inside the repository, no output over a source or a memory):
 * a refused one stops the run before anything is read.
 */
export async function readSources(options: ResolvedTranslateOptions): Promise<SourceFile[]> {
  const paths = [
    ...new Set((await findSources(options.cwd, options.sources, options.out, options.langs)).map(normalize)),
  ];
  const plan = (path: string, langs: readonly string[]): PlannedSource => ({
    path,
    languages: [
      { lang: options.from, path },
      ...[...new Set(langs)]
        .filter((lang) => lang !== options.from)
        .sort()
        .map((lang) => ({ lang, path: outputPath(options.out, lang, path) })),
    ],
  });
  // The languages asked for first: the folder of their outputs is then known to be the repository's
  // before it is searched for other languages.
  await checkRunPaths(
    options,
    paths.map((path) => plan(path, options.langs)),
  );
  const planned: PlannedSource[] = [];
  for (const path of paths) {
    planned.push(
      plan(path, [...options.langs, ...(await existingLanguages(options.cwd, options.out, path))]),
    );
  }
  await checkRunPaths(options, planned);
  const sources: SourceFile[] = [];
  for (const source of planned) {
    const text = await readSource(resolve(options.cwd, source.path), options.maxSizeBytes);
    sources.push({ path: source.path, text, languages: source.languages });
  }
  return sources;
}

/** Parses sources read by `readSources` (the parser is loaded only then). */
export async function parseSources(
  sources: readonly SourceFile[],
  options: ResolvedTranslateOptions,
): Promise<SourceDocument[]> {
  const { parseDocument } = await import('../markdown/document.js');
  const documentOptions = {
    glossary: options.glossary,
    terms: Object.keys(options.terms),
    language: options.from,
    frontMatter: options.frontMatter,
  };
  return sources.map((source) => {
    try {
      return { ...source, document: parseDocument(source.text, documentOptions) };
    } catch (error) {
      // One the parser would take minutes on is an input error naming the file.
      if (error instanceof MarkdownLimitError)
        throw new InputError(`${source.path}: ${error.message}`, { file: source.path });
      throw error;
    }
  });
}

/** Finds, reads, checks and parses every source of a run. */
export async function loadSources(options: ResolvedTranslateOptions): Promise<SourceDocument[]> {
  return parseSources(await readSources(options), options);
}

function normalize(path: string): string {
  return posix.normalize(path);
}
