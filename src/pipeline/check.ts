import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RenderedDocument } from '../markdown/document.js';
import { memoryPath } from '../memory/memory-path.js';
import { alertTitleUnits } from './alert-title-units.js';
import { findSources } from './find-sources.js';
import { parseSources, readSources } from './load-sources.js';
import { existingLanguages, outputPath } from './outputs.js';
import { memoryTranslation, planLanguage } from './plan.js';
import {
  resolveTranslateOptions,
  type ResolvedTranslateOptions,
  type TranslateOptions,
} from './translate-options.js';
import { provenSources } from './unchanged-run.js';
import { createTermsFollower, keptWordsOf, storedKeptWords } from './term-changes.js';
import type { SourceDocument } from './source-document.js';

export interface CheckReport {
  readonly lang: string;
  readonly file: string;
  readonly units: number;
  /** Units with no current translation in the memory. */
  readonly untranslated: ReadonlyArray<{ readonly line: number; readonly source: string }>;
  /** Units whose translation in the memory is refused (a hand edit with raw HTML, a changed link…). */
  readonly refused: ReadonlyArray<{ readonly line: number; readonly reason: string }>;
  /** Whether the output file is what the memory makes of the source now (false when it is missing). */
  readonly outputCurrent: boolean;
  readonly outputMissing: boolean;
}

/**
 * Is every language current? Reads only: no engine, no write. Languages default to those with an
 * output on disk.
 */
export async function runCheck(
  options: Omit<TranslateOptions, 'langs'> & { langs?: readonly string[] | undefined },
): Promise<CheckReport[]> {
  const given = options.langs?.length ? options.langs : undefined;
  // Resolved once; without languages given, `und` (undetermined) stands in until those on disk are found.
  const base = resolveTranslateOptions({ ...options, langs: given ?? ['und'] });
  const langs = given ? base.langs : await languagesOnDisk(base);
  if (langs.length === 0) return [];
  const resolved = { ...base, langs };
  const cwd = resolved.cwd;
  const files = await readSources(resolved);
  // Parsed only for a language whose inputs are not as its last complete translate run left them.
  let sources: SourceDocument[] | undefined;
  const reports: CheckReport[] = [];
  for (const lang of resolved.langs) {
    // Nothing that decides the outputs changed since the last complete translate run: each output is
    // current when it is still the one that run wrote (nothing to parse or render).
    const proven = await provenSources({ sources: files, lang, options: resolved });
    if (proven !== undefined) {
      reports.push(
        ...proven.map(({ file, units, current, missing }) => ({
          lang,
          file,
          units,
          untranslated: [],
          refused: [],
          outputCurrent: current,
          outputMissing: missing,
        })),
      );
      continue;
    }
    sources ??= await parseSources(files, resolved);
    const [{ loadMemory }, { renderLanguage }] = await Promise.all([
      import('../memory/load-memory.js'),
      import('./render-language.js'),
    ]);
    const memory = await loadMemory(resolve(cwd, memoryPath(resolved.memory, lang)), lang, {
      readOnly: true,
    });
    // `glossary:` or `terms:` changed since the last run: the memory as translate would bring it in
    // line (never saved here), and the units it would send again.
    const followTerms = createTermsFollower(memory, {
      before: storedKeptWords(memory),
      after: keptWordsOf(resolved.glossary, resolved.terms, lang),
      language: resolved.from,
      frontMatter: resolved.frontMatter,
      memoryPath: memoryPath(resolved.memory, lang),
      outputOf: (path) => outputPath(resolved.out, lang, path),
    });
    const stale = new Map(sources.map((source) => [source, followTerms?.(source).stale]));
    // What translate would write from the memory alone, every file at once as translate does.
    const expectedOutputs = renderLanguage(
      sources.map((source) => ({
        source,
        translationOf: (unit) => memoryTranslation(memory, unit),
      })),
      { lang, out: resolved.out, switcher: resolved.switcher, sources },
    );
    for (const [index, source] of sources.entries()) {
      const file = outputPath(resolved.out, lang, source.path);
      const expected = expectedOutputs[index] as RenderedDocument;
      const actual = await readFile(resolve(cwd, file), 'utf8').catch(() => undefined);
      reports.push({
        lang,
        file,
        // Counted as translate counts them: alert titles are units too.
        units: source.document.allUnits.length + alertTitleUnits(source.document, resolved.from).length,
        untranslated: planLanguage(source.document, memory, false, [], stale.get(source)).units.map(
          (unit) => ({
            line: unit.line,
            source: unit.source,
          }),
        ),
        refused: expected.keptSource.map((kept) => ({ line: kept.line, reason: kept.reason })),
        outputCurrent: actual === expected.text,
        outputMissing: actual === undefined,
      });
    }
  }
  return reports;
}

/** Languages with an output of any source on disk. */
async function languagesOnDisk(resolved: ResolvedTranslateOptions): Promise<string[]> {
  const paths = await findSources(resolved.cwd, resolved.sources, resolved.out, []);
  const found = new Set<string>();
  for (const path of paths)
    for (const lang of await existingLanguages(resolved.cwd, resolved.out, path)) found.add(lang);
  return [...found].sort();
}
