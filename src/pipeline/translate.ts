import type { Engine } from '../engines/engine.js';
import { createEngine } from '../engines/select.js';
import { loadSources } from './load-sources.js';
import { refreshSiblingSwitchers } from './sibling-switchers.js';
import {
  translateLanguage,
  type BatchEvent,
  type LanguageReport,
  type WaitEvent,
} from './translate-language.js';
import { resolveTranslateOptions, type TranslateOptions } from './translate-options.js';

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
  /** The engine that translated (or would have). */
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
  const sources = await loadSources(resolved);
  const engine = await createEngine(resolved.engine, {
    from: resolved.from,
    langs: resolved.langs,
    concurrency: resolved.concurrency,
    formality: resolved.formality,
    model: resolved.model,
    timeoutMs: resolved.timeoutMs,
  });
  try {
    const reports: LanguageReport[] = [];
    for (const lang of resolved.langs) {
      reports.push(
        ...(await translateLanguage({
          sources,
          engine,
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
      await refreshSiblingSwitchers(resolved.cwd, sources, resolved.langs);
    return {
      languages: reports,
      engine: engine.name,
      usage: resolved.dryRun ? await usageOf(engine) : undefined,
    };
  } finally {
    await engine.close?.();
  }
}

async function usageOf(engine: Engine): Promise<TranslateResult['usage']> {
  const withUsage = engine as Engine & { getUsage?: () => Promise<TranslateResult['usage']> };
  return withUsage.getUsage ? await withUsage.getUsage() : undefined;
}
