import { findSources } from '../pipeline/find-sources.js';
import { outputPath } from '../pipeline/outputs.js';
import { defaultOutPattern, type TranslateOptions } from '../pipeline/translate-options.js';
import type { Settings } from './merge.js';

/** The translate step's options that merged settings give (the pipeline applies its defaults under them). */
export function translateOptionsOf(settings: Settings): TranslateOptions {
  return {
    langs: settings.langs ?? [],
    sources: settings.sources,
    from: settings.from,
    engine: settings.engine,
    model: settings.model,
    ...(settings.timeout === undefined ? {} : { timeoutMs: settings.timeout * 1000 }),
    out: settings.out,
    memory: settings.memory,
    switcher: settings.switcher,
    glossary: settings.glossary,
    terms: settings.terms,
    frontMatter: settings.frontMatter,
    formality: settings.formality,
    concurrency: settings.concurrency,
  };
}

/** Where the render step finds the translations of `source`: the translate step's output pattern. */
export function renderPatternOf(settings: Settings, source: string | undefined): string {
  return outputPath(settings.out ?? defaultOutPattern, '{lang}', source);
}

/**
 * Every source the translate step translates (globs expanded, translations left out), each with
 * where its translations are: what the site is made of.
 */
export async function renderSourcesOf(
  cwd: string,
  settings: Settings,
): Promise<Array<{ source: string; pattern: string }>> {
  const out = settings.out ?? defaultOutPattern;
  const sources = settings.sources?.length ? settings.sources : ['README.md'];
  const files = await findSources(cwd, sources, out, settings.langs ?? []);
  return files.map((source) => ({ source, pattern: outputPath(out, '{lang}', source) }));
}
