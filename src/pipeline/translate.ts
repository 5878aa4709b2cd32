import type { Engine } from '../engines/engine.js';
import { checkEngineName } from '../engines/engine-names.js';
import { InterruptedError } from '../errors.js';
import { runPool } from './batches.js';
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
  // Parsed, loaded and started only for a language that has something to do, once for all of them.
  let sources: Promise<SourceDocument[]> | undefined;
  let starting: Promise<Engine> | undefined;
  let engine: Engine | undefined;
  const engineOfRun = () =>
    (starting ??= import('../engines/select.js').then(async ({ createEngine }) => {
      engine = await createEngine(resolved.engine, {
        from: resolved.from,
        langs: resolved.langs,
        concurrency: resolved.concurrency,
        formality: resolved.formality,
        model: resolved.model,
        timeoutMs: resolved.timeoutMs,
        glossary: await glossaryOfRun(),
      });
      return engine;
    }));
  const glossaryOfRun = async () =>
    resolved.glossary.length === 0 && Object.keys(resolved.terms).length === 0
      ? undefined
      : deeplGlossaryOf({
          ...resolved,
          repository: process.env.GITHUB_REPOSITORY,
          root: (await findRepository(resolved.cwd, { allowOutside: resolved.allowOutsideRepo })).root,
        });
  // Languages run side by side (an engine's requests, Apertium's pipelines and the writing of one
  // language overlap with the work of another); their reports are told in the order of the languages.
  const reports = inLanguageOrder(resolved.langs.length, events.onLanguage);
  const failures: Array<{ error: unknown } | undefined> = [];
  let skipped = false;
  try {
    await runPool(resolved.langs, resolved.concurrency, async (lang, index) => {
      try {
        // As one after the other would: no language starts after one failed or the run was stopped.
        if (failures.some(Boolean) || events.signal?.aborted === true) {
          skipped = true;
          return;
        }
        const unchanged = await unchangedReports({ sources: files, lang, options: resolved });
        if (unchanged !== undefined) {
          for (const report of unchanged) reports.tell(index, report);
          return;
        }
        const [parsed, { translateLanguage }] = await Promise.all([
          (sources ??= parseSources(files, resolved)),
          import('./translate-language.js'),
        ]);
        await translateLanguage({
          sources: parsed,
          engine: await engineOfRun(),
          lang,
          options: resolved,
          onBatch: events.onBatch,
          onWait: events.onWait,
          onReport: (report) => reports.tell(index, report),
          signal: events.signal,
        });
      } catch (error) {
        failures[index] = { error };
      } finally {
        reports.finish(index);
      }
    });
    const failure = failures.find(Boolean);
    if (failure !== undefined) throw failure.error;
    if (skipped) throw new InterruptedError('interrupted before every language was translated');
    // The translations already there list the languages added now (and nothing else changes in them).
    if (resolved.switcher && !resolved.dryRun)
      await refreshSiblingSwitchers(resolved.cwd, files, resolved.langs);
    return {
      languages: reports.all(),
      engine: engine?.name ?? resolved.engine ?? 'none',
      usage: resolved.dryRun ? await usageOf(await engineOfRun()) : undefined,
    };
  } finally {
    // An engine still starting when the run failed is closed too.
    await (await starting?.catch(() => undefined))?.close?.();
  }
}

/**
 * Reports of languages that finish in any order, told in the order of the languages: those of a
 * language as they come once every earlier language is done, the others kept until then.
 */
function inLanguageOrder(count: number, tell: ((report: LanguageReport) => void) | undefined) {
  const kept = Array.from({ length: count }, (): LanguageReport[] => []);
  const told: LanguageReport[] = [];
  const finished = new Set<number>();
  let head = 0;
  const flush = () => {
    while (head < count) {
      for (const report of (kept[head] as LanguageReport[]).splice(0)) {
        told.push(report);
        tell?.(report);
      }
      if (!finished.has(head)) return;
      head += 1;
    }
  };
  return {
    tell(index: number, report: LanguageReport): void {
      (kept[index] as LanguageReport[]).push(report);
      flush();
    },
    finish(index: number): void {
      finished.add(index);
      flush();
    },
    /** Every report told, in the order of the languages. */
    all: (): LanguageReport[] => told,
  };
}

async function usageOf(engine: Engine): Promise<TranslateResult['usage']> {
  const withUsage = engine as Engine & { getUsage?: () => Promise<TranslateResult['usage']> };
  return withUsage.getUsage ? await withUsage.getUsage() : undefined;
}
