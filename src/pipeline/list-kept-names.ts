import { parseSources, readSources } from './load-sources.js';
import { keptNames, type KeptName } from './names-to-keep.js';
import { resolveTranslateOptions, type TranslateOptions } from './translate-options.js';

export interface SourceNames {
  /** The source, relative to the repository root. */
  readonly file: string;
  readonly names: readonly KeptName[];
}

/**
 * The names each source keeps as written and why, as `translate` would keep them with the same
 * settings (`glossary:`, `terms:`, `from:`): for a maintainer to review once and add exceptions.
 */
export async function listKeptNames(
  options: Omit<TranslateOptions, 'langs'> & { readonly langs?: readonly string[] },
): Promise<SourceNames[]> {
  const resolved = resolveTranslateOptions(
    { ...options, langs: options.langs ?? [] },
    { languagesRequired: false },
  );
  const sources = await parseSources(await readSources(resolved), resolved);
  return sources.map((source) => ({
    file: source.path,
    names: keptNames(source.document, {
      glossary: resolved.glossary,
      terms: Object.keys(resolved.terms),
      language: resolved.from,
    }),
  }));
}
