import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { programDigest } from '../program-digest.js';
import { memoryPath } from '../memory/memory-path.js';
import { readHeaderField, withHeaderField, withoutHeaderField } from '../memory/po-header-field.js';
import type { TranslationMemory } from '../memory/translation-memory.js';
import { outputPath } from './outputs.js';
import { planLanguage } from './plan.js';
import type { SourceFile } from './source-document.js';
import type { LanguageReport, LanguageRun } from './translate-language.js';
import type { ResolvedTranslateOptions } from './translate-options.js';

/** What the check needs of a language's run: no parsed document. */
interface LanguageFiles {
  readonly sources: readonly SourceFile[];
  readonly lang: string;
  readonly options: ResolvedTranslateOptions;
}

/**
 * The proof that a language has nothing to do: the PO header field below holds a SHA-256 of
 * everything its outputs follow from (this program, the options, each source and its switcher's
 * languages, each output, and the PO file itself without this field), written at the end of a run
 * that left nothing to send, then each source's counts for the report. When the same digest comes
 * out of the files on disk, the run ends there: nothing is parsed, sent or written. A hand edit in
 * an output or in the PO file changes the digest, so it is harvested as before.
 */
export const stateField = 'X-Readme-I18n-State';

interface SourceCounts {
  readonly units: number;
  readonly unitsUnique: number;
  readonly byHand: number;
}

/** The reports of a language whose files are as its last complete run left them, or undefined. */
export async function unchangedReports(run: LanguageFiles): Promise<LanguageReport[] | undefined> {
  const { options, lang } = run;
  // Sending units again is something to do, whatever the files say.
  if (options.dryRun || options.retranslate !== false) return undefined;
  const started = performance.now();
  const memoryText = await readFile(memoryFileOf(run), 'utf8').catch(() => undefined);
  const stored = memoryText === undefined ? undefined : parseState(readHeaderField(memoryText, stateField));
  if (memoryText === undefined || stored === undefined) return undefined;
  const outputs: string[] = [];
  for (const source of run.sources) {
    const text = await readFile(
      resolve(options.cwd, outputPath(options.out, lang, source.path)),
      'utf8',
    ).catch(() => undefined);
    if (text === undefined || !stored.counts.has(source.path)) return undefined;
    outputs.push(text);
  }
  if ((await digestOf(run, outputs, memoryText)) !== stored.digest) return undefined;
  const ms = Math.round(performance.now() - started);
  return run.sources.map((source) => {
    const counts = stored.counts.get(source.path) as SourceCounts;
    return {
      lang,
      file: outputPath(options.out, lang, source.path),
      source: source.path,
      ...counts,
      fromMemory: counts.units,
      unitsSent: 0,
      charsSent: 0,
      charsBilled: 0,
      requests: 0,
      keptSource: 0,
      ms,
      kept: [],
      warnings: [],
    };
  });
}

/**
 * After a run has written its outputs and saved the memory: records the proof when the run is
 * complete (every source written, nothing kept in the source, no warning, nothing left to send),
 * else removes an earlier one.
 */
export async function recordUnchanged(
  run: LanguageRun,
  memory: TranslationMemory,
  written: ReadonlyArray<{ readonly report: LanguageReport; readonly text: string }>,
): Promise<void> {
  const file = memoryFileOf(run);
  const memoryText = await readFile(file, 'utf8').catch(() => undefined);
  if (memoryText === undefined) return;
  const complete =
    written.length === run.sources.length &&
    written.every(({ report }) => report.keptSource === 0 && report.warnings.length === 0) &&
    run.sources.every((source) => planLanguage(source.document, memory).units.length === 0);
  let next: string | undefined = withoutHeaderField(memoryText, stateField);
  if (complete) {
    const digest = await digestOf(
      run,
      written.map(({ text }) => text),
      memoryText,
    );
    const counts = run.sources.map((source) => {
      const units = source.document.allUnits;
      const byHand = units.filter((unit) => memory.entry(unit.source)?.origin === 'human').length;
      const unique = new Set(units.map((unit) => unit.tagged)).size;
      return `${encodeURIComponent(source.path)}=${units.length},${unique},${byHand}`;
    });
    next = await withHeaderField(memoryText, stateField, [digest, ...counts].join(' '));
  }
  if (next !== undefined && next !== memoryText) await writeFileAtomic(file, next);
}

function memoryFileOf(run: LanguageFiles): string {
  return resolve(run.options.cwd, memoryPath(run.options.memory, run.lang));
}

function parseState(
  value: string | undefined,
): { digest: string; counts: Map<string, SourceCounts> } | undefined {
  const [digest, ...sources] = value?.split(' ') ?? [];
  if (digest === undefined || !/^[0-9a-f]{64}$/.test(digest)) return undefined;
  const counts = new Map<string, SourceCounts>();
  for (const source of sources) {
    const match = /^([^=]+)=(\d+),(\d+),(\d+)$/.exec(source);
    if (!match) return undefined;
    const [, path = '', units, unitsUnique, byHand] = match;
    counts.set(decodeURIComponent(path), {
      units: Number(units),
      unitsUnique: Number(unitsUnique),
      byHand: Number(byHand),
    });
  }
  return { digest, counts };
}

/** Everything a language's outputs and memory follow from, in one SHA-256. */
async function digestOf(run: LanguageFiles, outputs: readonly string[], memoryText: string): Promise<string> {
  const { options, lang } = run;
  const hash = createHash('sha256');
  const add = (text: string) => hash.update(`${Buffer.byteLength(text)}:`).update(text);
  add(await programDigest());
  add(
    JSON.stringify({
      lang,
      from: options.from,
      out: options.out,
      memory: options.memory,
      switcher: options.switcher,
      glossary: options.glossary,
      terms: options.terms,
      frontMatter: options.frontMatter,
      prune: options.prune,
    }),
  );
  run.sources.forEach((source, index) => {
    add(source.path);
    add(JSON.stringify(source.languages));
    add(source.text);
    add(outputs[index] ?? '');
  });
  add(withoutHeaderField(memoryText, stateField));
  return hash.digest('hex');
}
