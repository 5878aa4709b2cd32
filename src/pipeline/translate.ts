import { posix, resolve } from 'node:path';
import type { Engine } from '../engines/engine.js';
import { createEngine } from '../engines/select.js';
import { parseDocument } from '../markdown/document.js';
import { existingLanguages, outputPath } from './outputs.js';
import { readSource } from './read-source.js';
import { translateLanguage, type BatchEvent, type LanguageReport } from './translate-language.js';
import {
  resolveTranslateOptions,
  type ResolvedTranslateOptions,
  type TranslateOptions,
} from './translate-options.js';

export type { LanguageReport } from './translate-language.js';

export interface TranslateEvents {
  /** Called after each completed request. */
  readonly onBatch?: (event: BatchEvent) => void;
  /** Called when a language is done (or counted, with `dryRun`). */
  readonly onLanguage?: (report: LanguageReport) => void;
}

export interface TranslateResult {
  readonly languages: LanguageReport[];
  /** The engine that translated (or would have). */
  readonly engine: string;
  /** Characters used and allowed this period, when the engine bills and was asked (`dryRun`). */
  readonly usage?: { readonly characterCount: number; readonly characterLimit: number } | undefined;
}

/**
 * Translates one Markdown source into every requested language. Each language sends only what its
 * translation memory lacks, units identical in the source once, in batches within the engine's limits.
 */
export async function runTranslate(
  options: TranslateOptions,
  events: TranslateEvents = {},
): Promise<TranslateResult> {
  const resolved = resolveTranslateOptions(options);
  const raw = await readSource(resolve(resolved.cwd, resolved.source), resolved.maxSizeBytes);
  const document = parseDocument(raw, { glossary: resolved.glossary, frontMatter: resolved.frontMatter });
  const engine = await createEngine(resolved.engine, {
    from: resolved.from,
    langs: resolved.langs,
    concurrency: resolved.concurrency,
  });
  try {
    const sourcePath = posix.normalize(resolved.source.split('\\').join('/'));
    const languages = await languageFiles(resolved, sourcePath);
    const reports: LanguageReport[] = [];
    for (const lang of resolved.langs) {
      const report = await translateLanguage({
        document,
        engine,
        lang,
        options: resolved,
        sourcePath,
        languages,
        onBatch: events.onBatch,
      });
      reports.push(report);
      events.onLanguage?.(report);
    }
    return {
      languages: reports,
      engine: engine.name,
      usage: resolved.dryRun ? await usageOf(engine) : undefined,
    };
  } finally {
    await engine.close?.();
  }
}

/** The source and every translation the switcher links to: this run's and those already on disk. */
export async function languageFiles(
  options: ResolvedTranslateOptions,
  sourcePath: string,
): Promise<Array<{ lang: string; path: string }>> {
  const onDisk = await existingLanguages(options.cwd, options.out);
  return [
    { lang: options.from, path: sourcePath },
    ...[...new Set([...options.langs, ...onDisk])]
      .filter((lang) => lang !== options.from)
      .sort()
      .map((lang) => ({ lang, path: outputPath(options.out, lang) })),
  ];
}

async function usageOf(engine: Engine): Promise<TranslateResult['usage']> {
  const withUsage = engine as Engine & { getUsage?: () => Promise<TranslateResult['usage']> };
  return withUsage.getUsage ? await withUsage.getUsage() : undefined;
}
