import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { programDigest } from '../program-digest.js';
import { memoryPath } from '../memory/memory-path.js';
import { readHeaderField, withoutHeaderField } from '../memory/po-header-field.js';
import { outputPath } from './outputs.js';
import type { SourceFile } from './source-document.js';
import type { LanguageReport } from './translate-language.js';
import type { ResolvedTranslateOptions } from './translate-options.js';

/** What the check needs of a language's run: no parsed document. */
export interface LanguageFiles {
  readonly sources: readonly SourceFile[];
  readonly lang: string;
  readonly options: ResolvedTranslateOptions;
}

/**
 * The proof that a language has nothing to do: the PO header field below holds a SHA-256 of
 * everything its outputs follow from (this program, the options, each source and its switcher's
 * languages, and the PO file itself without this field), written at the end of a run that left
 * nothing to send, then for each source its counts for the report and the SHA-256 of the output
 * written. When the same digests come out of the files on disk, the run ends there: nothing is
 * parsed, sent or written. A hand edit in the PO file changes the first digest, one in an output
 * that output's: it is harvested as before, and `check` knows the output is not what the memory
 * makes of the source without rendering it.
 */
export const stateField = 'X-Readme-I18n-State';

interface SourceCounts {
  readonly units: number;
  readonly unitsUnique: number;
  readonly byHand: number;
  /** The SHA-256 of the output the run wrote. */
  readonly output: string;
}

/** A source of a language whose inputs are as its last complete run left them. */
export interface ProvenSource extends SourceCounts {
  readonly source: string;
  /** The output file, relative to `cwd`. */
  readonly file: string;
  /** The output on disk is the one that run wrote (false when it was edited or is missing). */
  readonly current: boolean;
  readonly missing: boolean;
}

/**
 * Each source of a language whose program, options, sources and memory are as its last complete
 * run left them, with whether its output still is; undefined when the proof does not hold.
 */
export async function provenSources(run: LanguageFiles): Promise<ProvenSource[] | undefined> {
  const { options, lang } = run;
  const memoryText = await readFile(memoryFileOf(run), 'utf8').catch(() => undefined);
  const stored = memoryText === undefined ? undefined : parseState(readHeaderField(memoryText, stateField));
  if (memoryText === undefined || stored === undefined) return undefined;
  if (run.sources.some((source) => !stored.counts.has(source.path))) return undefined;
  if ((await digestOf(run, memoryText)) !== stored.digest) return undefined;
  return Promise.all(
    run.sources.map(async (source) => {
      const counts = stored.counts.get(source.path) as SourceCounts;
      const file = outputPath(options.out, lang, source.path);
      const text = await readFile(resolve(options.cwd, file)).catch(() => undefined);
      return {
        ...counts,
        source: source.path,
        file,
        current: text !== undefined && sha256(text) === counts.output,
        missing: text === undefined,
      };
    }),
  );
}

/** The reports of a language whose files are as its last complete run left them, or undefined. */
export async function unchangedReports(run: LanguageFiles): Promise<LanguageReport[] | undefined> {
  const { options, lang } = run;
  // Sending units again is something to do, whatever the files say.
  if (options.dryRun || options.retranslate !== false) return undefined;
  const started = performance.now();
  const proven = await provenSources(run);
  if (proven === undefined || proven.some((source) => !source.current)) return undefined;
  const ms = Math.round(performance.now() - started);
  return proven.map(({ units, unitsUnique, byHand, file, source }) => ({
    lang,
    file,
    source,
    units,
    unitsUnique,
    byHand,
    fromMemory: units,
    unitsSent: 0,
    charsSent: 0,
    charsBilled: 0,
    requests: 0,
    keptSource: 0,
    ms,
    kept: [],
    warnings: [],
  }));
}

/** The header field's value for a complete run: its digest, then each source's counts and output. */
export async function stateValue(
  run: LanguageFiles,
  memoryText: string,
  sources: ReadonlyArray<Omit<SourceCounts, 'output'> & { readonly path: string; readonly text: string }>,
): Promise<string> {
  const counts = sources.map(
    ({ path, units, unitsUnique, byHand, text }) =>
      `${encodeURIComponent(path)}=${units},${unitsUnique},${byHand},${sha256(text)}`,
  );
  return [await digestOf(run, memoryText), ...counts].join(' ');
}

export function memoryFileOf(run: LanguageFiles): string {
  return resolve(run.options.cwd, memoryPath(run.options.memory, run.lang));
}

function parseState(
  value: string | undefined,
): { digest: string; counts: Map<string, SourceCounts> } | undefined {
  const [digest, ...sources] = value?.split(' ') ?? [];
  if (digest === undefined || !/^[0-9a-f]{64}$/.test(digest)) return undefined;
  const counts = new Map<string, SourceCounts>();
  for (const source of sources) {
    const match = /^([^=]+)=(\d+),(\d+),(\d+),([0-9a-f]{64})$/.exec(source);
    if (!match) return undefined;
    const [, path = '', units, unitsUnique, byHand, output = ''] = match;
    counts.set(decodeURIComponent(path), {
      units: Number(units),
      unitsUnique: Number(unitsUnique),
      byHand: Number(byHand),
      output,
    });
  }
  return { digest, counts };
}

function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Everything a language's outputs follow from, in one SHA-256. */
async function digestOf(run: LanguageFiles, memoryText: string): Promise<string> {
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
  for (const source of run.sources) {
    add(source.path);
    add(JSON.stringify(source.languages));
    add(source.text);
  }
  add(withoutHeaderField(memoryText, stateField));
  return hash.digest('hex');
}
