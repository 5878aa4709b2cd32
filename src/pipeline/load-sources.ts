import { posix, resolve } from 'node:path';
import { parseDocument } from '../markdown/document.js';
import { findSources } from './find-sources.js';
import { existingLanguages, outputPath } from './outputs.js';
import { readSource } from './read-source.js';
import type { SourceDocument } from './source-document.js';
import type { ResolvedTranslateOptions } from './translate-options.js';

/** Finds, reads and parses every source of a run, with the languages each one's switcher lists. */
export async function loadSources(options: ResolvedTranslateOptions): Promise<SourceDocument[]> {
  const paths = await findSources(options.cwd, options.sources, options.out, options.langs);
  const documentOptions = { glossary: options.glossary, frontMatter: options.frontMatter };
  const sources: SourceDocument[] = [];
  for (const path of paths) {
    const raw = await readSource(resolve(options.cwd, path), options.maxSizeBytes);
    const normalized = posix.normalize(path);
    const onDisk = await existingLanguages(options.cwd, options.out, normalized);
    const languages = [
      { lang: options.from, path: normalized },
      ...[...new Set([...options.langs, ...onDisk])]
        .filter((lang) => lang !== options.from)
        .sort()
        .map((lang) => ({ lang, path: outputPath(options.out, lang, normalized) })),
    ];
    sources.push({ path: normalized, document: parseDocument(raw, documentOptions), languages });
  }
  return sources;
}
