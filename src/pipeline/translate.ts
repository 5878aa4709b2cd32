import { posix, resolve } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import type { Engine } from '../engines/engine.js';
import { createEngine } from '../engines/select.js';
import { QuotaExceededError } from '../errors.js';
import {
  parseDocument,
  renderDocument,
  type KeptSource,
  type ParsedDocument,
  type UnitTranslation,
} from '../markdown/document.js';
import { makeBatches, runPool } from './batches.js';
import { repairTags } from './repair-tags.js';
import { existingLanguages, outputPath, switcherLinks } from './outputs.js';
import { readSource } from './read-source.js';
import {
  resolveTranslateOptions,
  type ResolvedTranslateOptions,
  type TranslateOptions,
} from './translate-options.js';

export interface LanguageReport {
  readonly lang: string;
  /** The output file, relative to `cwd`. */
  readonly file: string;
  readonly units: number;
  readonly unitsUnique: number;
  readonly unitsSent: number;
  readonly charsSent: number;
  readonly requests: number;
  readonly keptSource: number;
  readonly ms: number;
  /** Units that kept their source text, and why. */
  readonly kept: readonly KeptSource[];
}

export interface TranslateEvents {
  /** Called after each completed request. */
  readonly onBatch?: (event: {
    lang: string;
    done: number;
    total: number;
    units: number;
    chars: number;
  }) => void;
  /** Called when a language is written. */
  readonly onLanguage?: (report: LanguageReport) => void;
}

/**
 * Translates one Markdown source into every requested language and writes each output atomically.
 * Units identical in the source are sent once; batches respect the engine's limits.
 */
export async function runTranslate(
  options: TranslateOptions,
  events: TranslateEvents = {},
): Promise<LanguageReport[]> {
  const resolved = resolveTranslateOptions(options);
  const sourceFile = resolve(resolved.cwd, resolved.source);
  const raw = await readSource(sourceFile, resolved.maxSizeBytes);
  const document = parseDocument(raw, { glossary: resolved.glossary, frontMatter: resolved.frontMatter });
  const engine = await createEngine(resolved.engine, {
    from: resolved.from,
    langs: resolved.langs,
    concurrency: resolved.concurrency,
  });
  try {
    const sourcePath = posix.normalize(resolved.source.split('\\').join('/'));
    const onDisk = await existingLanguages(resolved.cwd, resolved.out);
    const languages = [
      { lang: resolved.from, path: sourcePath },
      ...[...new Set([...resolved.langs, ...onDisk])]
        .filter((lang) => lang !== resolved.from)
        .sort()
        .map((lang) => ({ lang, path: outputPath(resolved.out, lang) })),
    ];
    const reports: LanguageReport[] = [];
    for (const lang of resolved.langs) {
      const report = await translateLanguage(document, engine, lang, resolved, sourcePath, languages, events);
      reports.push(report);
      events.onLanguage?.(report);
    }
    return reports;
  } finally {
    await engine.close?.();
  }
}

function tagged(text: string | undefined): UnitTranslation | undefined {
  return text === undefined ? undefined : { tagged: text };
}

async function translateLanguage(
  document: ParsedDocument,
  engine: Engine,
  lang: string,
  options: ResolvedTranslateOptions,
  sourcePath: string,
  languages: ReadonlyArray<{ lang: string; path: string }>,
  events: TranslateEvents,
): Promise<LanguageReport> {
  const started = performance.now();
  const unique = [...new Set(document.allUnits.map((unit) => unit.tagged))];
  const translations = new Map<string, string>();
  const batches = makeBatches(unique, engine.limits);
  let done = 0;
  let charsSent = 0;
  let requests = 0;
  try {
    await runPool(batches, options.concurrency, async (batch) => {
      requests++;
      const result = await engine.translate(batch, {
        from: options.from,
        to: lang,
        glossary: options.glossary,
      });
      // Engines move, drop or double tags now and then: repair what can be, the rest is refused later.
      batch.forEach((text, index) => {
        const translated = result.texts[index] ?? text;
        translations.set(text, repairTags(text, translated) ?? translated);
      });
      charsSent += batch.reduce((sum, text) => sum + text.length, 0);
      events.onBatch?.({
        lang,
        done: ++done,
        total: batches.length,
        units: translations.size,
        chars: charsSent,
      });
    });
  } catch (error) {
    if (error instanceof QuotaExceededError) {
      throw new QuotaExceededError(
        `${lang}: quota exhausted after ${translations.size} of ${unique.length} units; ${error.message}`,
        { cause: error },
      );
    }
    throw error;
  }
  const file = outputPath(options.out, lang);
  const rendered = renderDocument(document, (unit) => tagged(translations.get(unit.tagged)), {
    sourcePath,
    outputPath: file,
    switcher: options.switcher ? switcherLinks(lang, languages) : undefined,
  });
  await writeFileAtomic(resolve(options.cwd, file), rendered.text);
  return {
    lang,
    file,
    units: document.allUnits.length,
    unitsUnique: unique.length,
    unitsSent: translations.size,
    charsSent,
    requests,
    keptSource: rendered.keptSource.length,
    ms: Math.round(performance.now() - started),
    kept: rendered.keptSource,
  };
}
