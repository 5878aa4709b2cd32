import { resolve } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { removeStaleTemporaries } from '../temporary-files.js';
import type { Engine } from '../engines/engine.js';
import { InterruptedError, QuotaExceededError } from '../errors.js';
import {
  renderUnitAlone,
  type KeptSource,
  type RenderedDocument,
  type UnitTranslation,
} from '../markdown/document.js';
import type { Unit } from '../markdown/unit.js';
import { loadMemory } from '../memory/load-memory.js';
import { withMemoryLock } from '../memory/lock.js';
import { memoryPath } from '../memory/memory-path.js';
import type { TranslationMemory } from '../memory/translation-memory.js';
import { alertTitleUnits } from './alert-title-units.js';
import { makeBatches, runPool } from './batches.js';
import { harvestOutput } from './harvest-output.js';
import { outputPath, translationPaths } from './outputs.js';
import { memoryTranslation, planLanguage } from './plan.js';
import { renderLanguage } from './render-language.js';
import { namesToKeep } from './names-to-keep.js';
import { repairTags } from './repair-tags.js';
import { termTranslations } from './term-translations.js';
import {
  createTermsFollower,
  keptWordsOf,
  storedKeptWords,
  storeKeptWords,
  type TermsFollowed,
} from './term-changes.js';
import type { SourceDocument } from './source-document.js';
import type { ResolvedTranslateOptions } from './translate-options.js';
import { recordUnchanged } from './record-unchanged.js';

export interface LanguageReport {
  readonly lang: string;
  /** The output file, relative to `cwd`. */
  readonly file: string;
  /** The source file, relative to `cwd`. */
  readonly source: string;
  readonly units: number;
  readonly unitsUnique: number;
  /** Units (unique tagged texts) sent to the engine, or that would be with `dryRun`. */
  readonly unitsSent: number;
  /** Characters of tagged text sent to the engine (or that would be, with `dryRun`). */
  readonly charsSent: number;
  /** Characters the engine reports it billed (DeepL's own count); 0 for free engines and dry runs. */
  readonly charsBilled: number;
  /** Tokens the requests would take, prompts and answers, estimated for a dry run with an engine billed by token. */
  readonly tokensEstimate?: number;
  /** Tokens the engine's server counted, prompts and answers, for engines billed by token. */
  readonly tokens?: number;
  readonly requests: number;
  readonly keptSource: number;
  readonly ms: number;
  /** Units that kept their source text, and why. */
  readonly kept: readonly KeptSource[];
  /** Units whose translation came from the memory, and of those, by a person. */
  readonly fromMemory: number;
  readonly byHand: number;
  /** Problems met that did not stop the run (a broken PO file set aside, a README not harvested). */
  readonly warnings: readonly string[];
}

export interface BatchEvent {
  readonly lang: string;
  /** The source being translated, relative to the repository root. */
  readonly file: string;
  readonly done: number;
  readonly total: number;
  readonly units: number;
  readonly chars: number;
}

/** A request has been waiting this long for the engine (sent every few seconds while it waits). */
export interface WaitEvent {
  readonly lang: string;
  /** The source being translated, relative to the repository root. */
  readonly file: string;
  /** Milliseconds since the engine last answered (or since the first request went out). */
  readonly waitedMs: number;
}

export interface LanguageRun {
  readonly sources: readonly SourceDocument[];
  readonly engine: Engine;
  readonly lang: string;
  readonly options: ResolvedTranslateOptions;
  readonly onBatch?: ((event: BatchEvent) => void) | undefined;
  readonly onWait?: ((event: WaitEvent) => void) | undefined;
  readonly onReport?: ((report: LanguageReport) => void) | undefined;
  /** Aborted by SIGINT or SIGTERM: no new batch starts, what is done is saved, the run ends. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Translates every source into one language under the lock of the language's memory: harvest what
 * people changed in the current outputs, send only what the memory lacks, record each batch as it
 * completes (so a stopped run loses nothing), then write the outputs and the memory atomically.
 */
export async function translateLanguage(run: LanguageRun): Promise<LanguageReport[]> {
  const { options, lang } = run;
  const memoryFile = resolve(options.cwd, memoryPath(options.memory, lang));
  // A dry run only reads: it takes no lock, which would create the memory's folder.
  const locked = <T>(work: () => Promise<T>) =>
    options.dryRun ? work() : withMemoryLock([memoryFile], work);
  return locked(async () => {
    const memory = await loadMemory(memoryFile, lang, { readOnly: options.dryRun });
    // Words of `glossary:` and `terms:` added, removed or written otherwise since the last complete run.
    const keptWords = keptWordsOf(options.glossary, options.terms, lang);
    const followTerms = createTermsFollower(memory, {
      before: storedKeptWords(memory),
      after: keptWords,
      language: options.from,
      frontMatter: options.frontMatter,
      memoryPath: memoryPath(options.memory, lang),
      outputOf: (path) => outputPath(options.out, lang, path),
    });
    const counterparts = translationPaths(run.sources, options.out, lang);
    const reports: LanguageReport[] = [];
    const written: Array<{ report: LanguageReport; text: string }> = [];
    const translated: TranslatedSource[] = [];
    let failure: { error: unknown } | undefined;
    for (const [index, source] of run.sources.entries()) {
      const warnings = index === 0 ? [...memory.warnings] : [];
      try {
        const result = await translateSource(run, source, memory, counterparts, warnings, followTerms);
        if ('counted' in result) {
          reports.push(result.counted);
          run.onReport?.(result.counted);
        } else {
          translated.push(result);
        }
      } catch (error) {
        failure = { error };
        break;
      }
    }
    // All at once, so links between the files follow their translated headings; what was
    // translated is written even when a later source stopped the run (its memory is saved).
    const rendered = renderLanguage(translated, {
      lang,
      out: options.out,
      switcher: options.switcher,
      sources: run.sources,
    });
    for (const [index, done] of translated.entries()) {
      const started = performance.now();
      const output = rendered[index] as RenderedDocument;
      const file = resolve(options.cwd, done.report.file);
      // Under the memory's lock, so no other run writes this output: also the temporary files of
      // an older version, which name no pid (writeFileAtomic removes those of dead runs).
      if (!options.dryRun) await removeStaleTemporaries(file);
      await writeFileAtomic(file, output.text);
      noteShown(memory, done.source, output, done.translationOf);
      const report: LanguageReport = {
        ...done.report,
        keptSource: output.keptSource.length,
        kept: output.keptSource,
        ms: done.report.ms + Math.round(performance.now() - started),
      };
      reports.push(report);
      written.push({ report, text: output.text });
      run.onReport?.(report);
    }
    if (failure !== undefined) {
      // What the outputs written show, and where their units stand (`finish` does not come): the
      // next run reads them back by it.
      if (!options.dryRun && translated.length > 0) {
        for (const done of translated) memory.markPlaced(done.source.path, done.source.document.allUnits);
        await memory.save();
      }
      throw failure.error;
    }
    if (!options.dryRun) {
      for (const source of run.sources) {
        memory.markUsed([
          ...source.document.allUnits.map((unit) => ({
            source: unit.source,
            reference: `${source.path}:${unit.line}`,
          })),
          ...alertTitleUnits(source.document, options.from).map((title) => ({
            source: title.text,
            reference: `${source.path}:${title.line}`,
          })),
        ]);
      }
      memory.finish({ prune: options.prune });
      storeKeptWords(memory, keptWords);
      await memory.save();
      await recordUnchanged(run, memory, written);
    }
    return reports;
  });
}

/** A source whose units are all translated (or refused), waiting to be written with the others. */
interface TranslatedSource {
  readonly source: SourceDocument;
  readonly translationOf: (unit: Unit) => UnitTranslation | undefined;
  /** The report, but for what writing decides: units kept in the source, and the time it takes. */
  readonly report: LanguageReport;
}

/** Harvests the source's output, then sends what the memory lacks; a dry run only counts. */
async function translateSource(
  run: LanguageRun,
  source: SourceDocument,
  memory: TranslationMemory,
  counterparts: ReadonlyMap<string, string>,
  warnings: string[],
  followTerms: ((source: SourceDocument) => TermsFollowed) | undefined,
): Promise<TranslatedSource | { readonly counted: LanguageReport }> {
  const { options, lang, engine } = run;
  const { document } = source;
  const started = performance.now();
  const file = outputPath(options.out, lang, source.path);
  const paths = {
    file: resolve(options.cwd, file),
    sourcePath: source.path,
    outputPath: file,
    memoryPath: memoryPath(options.memory, lang),
    counterparts,
  };
  const documentOptions = {
    glossary: options.glossary,
    terms: Object.keys(options.terms),
    language: options.from,
    frontMatter: options.frontMatter,
  };
  warnings.push(...(await harvestOutput(document, memory, paths, documentOptions)));
  // After the harvest, so that an edit of the output counts as a translation by hand.
  const followed = followTerms?.(source);
  warnings.push(...(followed?.warnings ?? []));
  const titles = alertTitleUnits(document, options.from);
  const plan = planLanguage(
    document,
    memory,
    options.retranslate,
    titles.map((title) => title.text),
    followed?.stale,
  );
  const titleLine = new Map(titles.map((title) => [title.text, title.line]));
  const batches = makeBatches(plan.texts, engine.limits);
  const termsAs = termTranslations(options.terms, lang);
  const request = {
    from: options.from,
    to: lang,
    glossary: options.glossary,
    formality: options.formality[lang],
    // Found only for an engine that reads them (OpenAI): a walk of every unit.
    get names() {
      return namesToKeep(document, documentOptions).filter((name) => !termsAs.has(name));
    },
    terms: termsAs,
    repairTags,
  };
  if (document.allUnits.length === 0 && frontMatterOnly(document)) {
    warnings.push(
      `${source.path} has front matter and nothing below it: ${file} ${options.dryRun ? 'would be' : 'is'} written as a copy with nothing translated; ` +
        'write the text below the front matter, or name the front-matter keys to translate with --front-matter',
    );
  }
  const base = {
    lang,
    file,
    source: source.path,
    units: document.allUnits.length + titles.length,
    unitsUnique: new Set([...document.allUnits.map((unit) => unit.tagged), ...titleLine.keys()]).size,
    ...memoryCounts(document.allUnits, memory, plan.units, titles.length - plan.titles.length),
    warnings,
  };
  if (options.dryRun) {
    // As a real run records each translation before the next source is planned (a paragraph the
    // README and a docs file share is sent once), the memory, never saved in a dry run, takes a
    // stand-in for each unit counted: the next source's count is what a real run would send.
    for (const text of [...plan.units.map((unit) => unit.source), ...plan.titles]) {
      memory.record(text, text, { origin: `engine:${engine.name}`, model: engine.model, pending: true });
    }
    const ms = Math.round(performance.now() - started);
    return {
      counted: {
        ...base,
        unitsSent: plan.texts.length,
        charsSent: plan.chars,
        charsBilled: 0,
        ...(engine.estimateTokens === undefined
          ? {}
          : {
              tokensEstimate: batches.reduce(
                (sum, batch) => sum + (engine.estimateTokens?.(batch, request) ?? 0),
                0,
              ),
            }),
        requests: batches.length,
        keptSource: 0,
        ms,
        kept: [],
      },
    };
  }

  const translations = new Map<string, string>();
  /** Texts the engine gave up on, with its reason: they keep their source text. */
  const refused = new Map<string, string>();
  // A unit sent again (`--retranslate`, changed terms) takes this run's translation once it is back,
  // not the one it replaces.
  const planned = new Set(plan.units);
  const translationOf = (unit: Unit): UnitTranslation | undefined => {
    const fresh = planned.has(unit) && (translations.has(unit.tagged) || refused.has(unit.tagged));
    const stored = fresh ? undefined : memoryTranslation(memory, unit);
    if (stored !== undefined) return stored;
    const reason = refused.get(unit.tagged);
    if (reason !== undefined) return { refused: reason };
    const translated = translations.get(unit.tagged);
    return translated === undefined ? undefined : { tagged: translated, termsAs };
  };
  const recorder = createRecorder(source, engine, memory, plan.units, translations, translationOf);
  // Units with nothing for an engine are their own translation, the terms written in.
  for (const text of plan.ownTexts) translations.set(text, text);
  const sentBack = () => translations.size - plan.ownTexts.length;
  if (plan.ownTexts.length > 0) await recorder.save(plan.ownTexts);
  let done = 0;
  let requests = 0;
  let tokens: number | undefined;
  let charsSent = 0;
  let charsBilled = 0;
  const waiting = watchWaits(lang, source.path, run.onWait);
  try {
    await runPool(
      batches,
      options.concurrency,
      async (batch) => {
        const result = await waiting.during(() => engine.translate(batch, request));
        // Interrupted meanwhile: the memory is saved once more and the lock released; nothing after.
        if (run.signal?.aborted === true) return;
        // Engines move, drop or double tags now and then: repair what can be, the rest is refused later.
        batch.forEach((text, index) => {
          const failure = result.failures?.get(index);
          if (failure !== undefined) refused.set(text, failure);
          const translated = result.texts[index] ?? text;
          translations.set(text, repairTags(text, translated) ?? translated);
        });
        // An alert title is plain text, its own unit: recorded as it comes back.
        for (const text of batch) {
          const line = titleLine.get(text);
          const translated = translations.get(text);
          if (line === undefined || !plan.titles.includes(text) || refused.has(text) || !translated) continue;
          memory.record(text, translated, {
            origin: `engine:${engine.name}`,
            model: engine.model,
            references: [`${source.path}:${line}`],
          });
        }
        charsSent += batch.reduce((sum, text) => sum + text.length, 0);
        requests += result.requests ?? 1;
        if (result.tokens !== undefined) tokens = (tokens ?? 0) + result.tokens;
        charsBilled += result.billedChars ?? 0;
        await recorder.save(batch);
        run.onBatch?.({
          lang,
          file: source.path,
          done: ++done,
          total: batches.length,
          units: sentBack(),
          chars: charsSent,
        });
      },
      run.signal,
    );
  } catch (error) {
    waiting.stop();
    await recorder.save(undefined);
    if (error instanceof InterruptedError) {
      throw new InterruptedError(
        sentBack() === 0
          ? `${lang}: interrupted before any of the ${plan.texts.length} units to send was translated; ` +
              `running the same command again sends them`
          : `${lang}: interrupted; the ${sentBack()} units translated by this run are saved in ${memoryPath(options.memory, lang)}, ` +
              `and running the same command again continues where it stopped`,
        { cause: error },
      );
    }
    if (error instanceof QuotaExceededError) {
      const translated = sentBack();
      const total = plan.texts.length;
      const kept =
        translated === 0
          ? `none was translated, and the next run sends all ${total}`
          : `the ${translated} translated are kept in ${memoryPath(options.memory, lang)}, ` +
            `and the next run sends only the other ${total - translated}`;
      throw new QuotaExceededError(
        `${lang}: quota exhausted after ${translated} of ${total} units; ${kept}. ${error.message}`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  waiting.stop();
  await recorder.save(undefined);
  return {
    source,
    translationOf,
    report: {
      ...base,
      unitsSent: sentBack(),
      charsSent,
      ...(tokens === undefined ? {} : { tokens }),
      requests,
      charsBilled,
      keptSource: 0,
      ms: Math.round(performance.now() - started),
      kept: [],
    },
  };
}

/**
 * Once an output is written, the memory notes what it shows for each unit: the base against which
 * the next run tells an edit of that file apart (see `reconcileUnit`).
 */
function noteShown(
  memory: TranslationMemory,
  source: SourceDocument,
  output: RenderedDocument,
  translationOf: (unit: Unit) => UnitTranslation | undefined,
): void {
  for (const unit of source.document.allUnits) {
    const top = output.unitTexts.get(unit);
    const translation = translationOf(unit);
    const text =
      top ?? (translation !== undefined && 'markdown' in translation ? translation.markdown : undefined);
    if (text !== undefined) memory.markShown(unit.source, text);
  }
}

/** Units the memory served (alert titles among them), and of those, how many a person wrote. */
function memoryCounts(
  units: readonly Unit[],
  memory: TranslationMemory,
  planned: readonly Unit[],
  titlesServed: number,
) {
  const sent = new Set(planned);
  const served = units.filter((unit) => !sent.has(unit));
  return {
    fromMemory: served.length + titlesServed,
    byHand: served.filter((unit) => memory.entry(unit.source)?.origin === 'human').length,
  };
}

/**
 * Records each translated unit in the memory once it and the units nested in it are back, and
 * checkpoints the memory after each batch, one save at a time; `save(undefined)` at the end records
 * what is left and saves for certain.
 */
function createRecorder(
  source: SourceDocument,
  engine: Engine,
  memory: TranslationMemory,
  planned: readonly Unit[],
  translations: ReadonlyMap<string, string>,
  translationOf: (unit: Unit) => UnitTranslation | undefined,
) {
  const pending = new Set(planned);
  // A batch's texts lead to their units, and a unit to the one it is nested in: recording a batch
  // looks only at those, not at every unit still pending.
  const unitsOf = new Map<string, Unit[]>();
  const parentOf = new Map<Unit, Unit>();
  for (const unit of planned) {
    const same = unitsOf.get(unit.tagged);
    if (same) same.push(unit);
    else unitsOf.set(unit.tagged, [unit]);
    for (const nested of unit.nested) parentOf.set(nested, unit);
  }
  let saving: Promise<unknown> = Promise.resolve();
  const record = (candidates: Iterable<Unit>) => {
    const queue = [...candidates].reverse();
    for (let unit = queue.pop(); unit !== undefined; unit = queue.pop()) {
      if (!pending.has(unit) || !translations.has(unit.tagged)) continue;
      if (unit.nested.some((nested) => pending.has(nested))) continue;
      pending.delete(unit);
      const parent = parentOf.get(unit);
      if (parent) queue.push(parent);
      const rendered = renderUnitAlone(source.document, unit, translationOf);
      // A unit whose own translation was refused is not remembered: it is sent again next time.
      if (rendered.kept.some((kept) => kept.source === unit.source)) continue;
      memory.record(unit.source, rendered.text, {
        origin: `engine:${engine.name}`,
        model: engine.model,
        references: [`${source.path}:${unit.line}`],
        pending: true,
      });
    }
  };
  return {
    /** Records the units of `batch` (of every pending unit when undefined) and saves. */
    save(batch: readonly string[] | undefined): Promise<unknown> {
      record(batch === undefined ? [...pending] : batch.flatMap((text) => unitsOf.get(text) ?? []));
      saving = saving.then(() => (batch === undefined ? memory.save() : memory.checkpoint()));
      return saving;
    },
  };
}

/** How often a run waiting on its engine says so. */
const waitTickMs = 5000;

/**
 * Tells `onWait`, every few seconds while requests are out, how long the engine has been silent, so
 * that a slow or silent server shows as such instead of as a hang.
 */
function watchWaits(lang: string, file: string, onWait: ((event: WaitEvent) => void) | undefined) {
  let inFlight = 0;
  let since = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  return {
    async during<T>(work: () => Promise<T>): Promise<T> {
      if (onWait !== undefined && timer === undefined) {
        since = performance.now();
        timer = setInterval(() => {
          if (inFlight > 0) onWait({ lang, file, waitedMs: Math.round(performance.now() - since) });
        }, waitTickMs);
        timer.unref();
      }
      inFlight += 1;
      try {
        return await work();
      } finally {
        inFlight -= 1;
        since = performance.now();
      }
    },
    stop,
  };
}

/** A source made of a front-matter block (YAML or TOML) and nothing else. */
function frontMatterOnly(document: SourceDocument['document']): boolean {
  const blocks = document.tree.children;
  return blocks.length > 0 && blocks.every((node) => ['yaml', 'toml'].includes(node.type));
}
