import type { MemoryView } from './translation-memory.js';

/** A unit as harvest needs it; the core's `extractUnits` gives more (kind, line). */
export interface HarvestUnit {
  readonly source: string;
}

export interface HarvestedTranslation {
  readonly source: string;
  readonly translation: string;
}

export interface HarvestResult {
  /** Translations a person changed in the translated README: record with `markHuman`. */
  readonly edits: readonly HarvestedTranslation[];
  /**
   * With `recover`, translations the memory lacks (a rebuilt memory): record with an engine
   * origin such as `engine:recovered`, so they are reused rather than sent again.
   */
  readonly recovered: readonly HarvestedTranslation[];
  readonly warnings: readonly string[];
}

export interface HarvestOptions {
  /** The translated README's file name, for warnings. */
  readonly file: string;
  /** Take translations the memory has no entry for (default: `false`; set after a broken PO). */
  readonly recover?: boolean;
}

/**
 * Finds translations edited by hand in a translated README. Units pair up by position, which only
 * holds while both files have the same units, so a count mismatch harvests nothing. Both sides must
 * be in memory terms: the translated units with output-only rewrites (relative links, anchors)
 * undone. A unit counts as edited when it differs from what the memory says was written for its
 * source, and the memory entry was current (not obsolete, so it produced this README) and not
 * awaiting the engine, and the text is not another unit's translation (units that swapped places).
 * Pure: returns what to record, records nothing.
 */
export function harvest(
  sourceUnits: readonly HarvestUnit[],
  translatedUnits: readonly HarvestUnit[],
  memory: MemoryView,
  options: HarvestOptions,
): HarvestResult {
  if (sourceUnits.length !== translatedUnits.length) {
    return {
      edits: [],
      recovered: [],
      warnings: [
        `${options.file}: not harvested: it has ${translatedUnits.length} translatable units where the source has ${sourceUnits.length}, ` +
          `so its edits cannot be matched to the source; make edits in the PO file instead, or keep the README's structure`,
      ],
    };
  }
  const edits = new Map<string, string>();
  const recovered = new Map<string, string>();
  const warnings: string[] = [];
  // A README text that is another unit's stored translation means units moved, not an edit.
  const stored = new Set(
    sourceUnits.map((unit) => memory.entry(unit.source)?.translation).filter((text) => text !== undefined),
  );
  sourceUnits.forEach((unit, index) => {
    const written = translatedUnits[index]?.source ?? '';
    // Left in the source language (a unit the engine could not translate): nothing to learn.
    if (written === unit.source || written.trim() === '') return;
    const entry = memory.entry(unit.source);
    if (!entry || entry.translation === '') {
      if (options.recover === true && !recovered.has(unit.source)) recovered.set(unit.source, written);
      return;
    }
    if (entry.obsolete || (entry.fuzzy && entry.origin === 'human')) return;
    if (written === entry.translation || stored.has(written)) return;
    const earlier = edits.get(unit.source);
    if (earlier !== undefined && earlier !== written) {
      warnings.push(
        `${options.file}: unit ${index + 1} repeats an earlier source with a different edit; kept the first, edit the PO file to choose`,
      );
      return;
    }
    edits.set(unit.source, written);
  });
  const list = (map: Map<string, string>): HarvestedTranslation[] =>
    [...map].map(([source, translation]) => ({ source, translation }));
  return { edits: list(edits), recovered: list(recovered), warnings };
}
