import { readFile } from 'node:fs/promises';
import { posix, resolve } from 'node:path';
import { parseDocument, renderDocument } from '../markdown/document.js';
import { loadMemory } from '../memory/load-memory.js';
import { memoryPath } from '../memory/memory-path.js';
import { existingLanguages, outputPath, switcherLinks } from './outputs.js';
import { fromMemory, planLanguage } from './plan.js';
import { readSource } from './read-source.js';
import { languageFiles } from './translate.js';
import { resolveTranslateOptions, type TranslateOptions } from './translate-options.js';

export interface CheckReport {
  readonly lang: string;
  readonly file: string;
  readonly units: number;
  /** Units with no current translation in the memory. */
  readonly untranslated: ReadonlyArray<{ readonly line: number; readonly source: string }>;
  /** Whether the output file is what the memory makes of the source now (false when it is missing). */
  readonly outputCurrent: boolean;
  readonly outputMissing: boolean;
}

/**
 * Is every language current? Reads only: no engine, no write. Languages default to those with an
 * output on disk.
 */
export async function runCheck(
  options: Omit<TranslateOptions, 'langs'> & { langs?: readonly string[] },
): Promise<CheckReport[]> {
  const cwd = options.cwd ?? process.cwd();
  const langs = options.langs?.length
    ? options.langs
    : await existingLanguages(cwd, options.out ?? 'locales/README.{lang}.md');
  if (langs.length === 0) return [];
  const resolved = resolveTranslateOptions({ ...options, cwd, langs });
  const raw = await readSource(resolve(cwd, resolved.source), resolved.maxSizeBytes);
  const documentOptions = { glossary: resolved.glossary, frontMatter: resolved.frontMatter };
  const document = parseDocument(raw, documentOptions);
  const sourcePath = posix.normalize(resolved.source.split('\\').join('/'));
  const languages = await languageFiles(resolved, sourcePath);
  const reports: CheckReport[] = [];
  for (const lang of resolved.langs) {
    const memory = await loadMemory(resolve(cwd, memoryPath(resolved.memory, lang)), lang);
    const file = outputPath(resolved.out, lang);
    const expected = renderDocument(
      document,
      (unit) => {
        const stored = fromMemory(memory, unit);
        return stored === undefined ? undefined : { markdown: stored };
      },
      {
        sourcePath,
        outputPath: file,
        switcher: resolved.switcher ? switcherLinks(lang, languages) : undefined,
      },
    );
    const actual = await readFile(resolve(cwd, file), 'utf8').catch(() => undefined);
    reports.push({
      lang,
      file,
      units: document.allUnits.length,
      untranslated: planLanguage(document, memory).units.map((unit) => ({
        line: unit.line,
        source: unit.source,
      })),
      outputCurrent: actual === expected.text,
      outputMissing: actual === undefined,
    });
  }
  return reports;
}
