import type { Engine } from '../engines/engine.js';
import { checkEngineName } from '../engines/engine-names.js';
import { parseSources, readSources } from './load-sources.js';
import { findRepository } from '../repository-paths.js';
import { refreshSiblingSwitchers } from './sibling-switchers.js';
import type { SourceDocument } from './source-document.js';
import type { BatchEvent, LanguageReport, WaitEvent } from './translate-language.js';
import { deeplGlossaryOf } from './term-translations.js';
import { resolveTranslateOptions, type TranslateOptions } from './translate-options.js';
import { unchangedReports } from './unchanged-run.js';

export type { LanguageReport } from './translate-language.js';

export interface TranslateEvents {
  /** Called after each completed request. */
  readonly onBatch?: (event: BatchEvent) => void;
  /** Called every few seconds while a request waits for the engine. */
  readonly onWait?: (event: WaitEvent) => void;
  /** Called when a source is done in a language (or counted, with `dryRun`). */
  readonly onLanguage?: (report: LanguageReport) => void;
  /** Aborted by SIGINT or SIGTERM: the run saves what it has and ends with an InterruptedError. */
  readonly signal?: AbortSignal;
}

export interface TranslateResult {
  /** One report per language and source. */
  readonly languages: LanguageReport[];
  /** The engine that translated (or would have); the one named, or 'none', when no language had anything to do. */
  readonly engine: string;
  /** Characters used and allowed this period, when the engine bills and was asked (`dryRun`). */
  readonly usage?: { readonly characterCount: number; readonly characterLimit: number } | undefined;
}

/**
 * Translates Markdown sources into every requested language. Each language sends only what its
 * translation memory lacks, units identical in a source once, in batches within the engine's limits.
 */
export async function runTranslate(
  options: TranslateOptions,
  events: TranslateEvents = {},
): Promise<TranslateResult> {
  const resolved = resolveTranslateOptions(options);
  checkEngineName(resolved.engine);
  const files = await readSources(resolved);
  // Parsed, loaded and started only for a language that has something to do.
  let sources: SourceDocument[] | undefined;
  let engine: Engine | undefined;
  const engineOfRun = async () =>
    (engine ??= await (
      await import('../engines/select.js')
    ).createEngine(resolved.engine, {
      from: resolved.from,
      langs: resolved.langs,
      concurrency: resolved.concurrency,
      formality: resolved.formality,
      model: resolved.model,
      timeoutMs: resolved.timeoutMs,
      glossary: await glossaryOfRun(),
    }));
  const glossaryOfRun = async () =>
    resolved.glossary.length === 0 && Object.keys(resolved.terms).length === 0
      ? undefined
      : deeplGlossaryOf({
          ...resolved,
          repository: process.env.GITHUB_REPOSITORY,
          root: (await findRepository(resolved.cwd, { allowOutside: resolved.allowOutsideRepo })).root,
        });
  try {
    const reports: LanguageReport[] = [];
    for (const lang of resolved.langs) {
      const unchanged = await unchangedReports({ sources: files, lang, options: resolved });
      if (unchanged !== undefined) {
        for (const report of unchanged) events.onLanguage?.(report);
        reports.push(...unchanged);
        continue;
      }
      sources ??= await parseSources(files, resolved);
      const { translateLanguage } = await import('./translate-language.js');
      reports.push(
        ...(await translateLanguage({
          sources,
          engine: await engineOfRun(),
          lang,
          options: resolved,
          onBatch: events.onBatch,
          onWait: events.onWait,
          onReport: events.onLanguage,
          signal: events.signal,
        })),
      );
    }
    // The translations already there list the languages added now (and nothing else changes in them).
    if (resolved.switcher && !resolved.dryRun)
      await refreshSiblingSwitchers(resolved.cwd, files, resolved.langs);
    return {
      languages: reports,
      engine: engine?.name ?? resolved.engine ?? 'none',
      usage: resolved.dryRun ? await usageOf(await engineOfRun()) : undefined,
    };
  } finally {
    await engine?.close?.();
  }
}

async function usageOf(engine: Engine): Promise<TranslateResult['usage']> {
  const withUsage = engine as Engine & { getUsage?: () => Promise<TranslateResult['usage']> };
  return withUsage.getUsage ? await withUsage.getUsage() : undefined;
}
