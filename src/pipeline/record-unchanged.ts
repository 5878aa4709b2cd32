import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../atomic-write.js';
import { withHeaderField, withoutHeaderField } from '../memory/po-header-field.js';
import type { TranslationMemory } from '../memory/translation-memory.js';
import { alertTitleUnits } from './alert-title-units.js';
import { planLanguage } from './plan.js';
import type { LanguageReport, LanguageRun } from './translate-language.js';
import { memoryFileOf, stateField, stateValue } from './unchanged-run.js';

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
    run.sources.every((source) => {
      const plan = planLanguage(source.document, memory, false, titlesOf(run, source));
      return plan.units.length === 0 && plan.titles.length === 0;
    });
  let next: string | undefined = withoutHeaderField(memoryText, stateField);
  if (complete) {
    const sources = run.sources.map((source, index) => {
      const units = source.document.allUnits;
      const titles = titlesOf(run, source);
      return {
        path: source.path,
        units: units.length + titles.length,
        unitsUnique: new Set([...units.map((unit) => unit.tagged), ...titles]).size,
        byHand: units.filter((unit) => memory.entry(unit.source)?.origin === 'human').length,
        text: written[index]?.text ?? '',
      };
    });
    next = await withHeaderField(memoryText, stateField, await stateValue(run, memoryText, sources));
  }
  if (next !== undefined && next !== memoryText) await writeFileAtomic(file, next);
}

/** The alert titles a source shows, counted and planned as its units are. */
function titlesOf(run: LanguageRun, source: LanguageRun['sources'][number]): string[] {
  return alertTitleUnits(source.document, run.options.from).map((title) => title.text);
}
