/**
 * One entry of a language's translation memory: what a PO file holds for one unit, in the words of
 * the pipeline rather than of gettext.
 */

/** Who produced a translation: an engine (by its name, such as `engine:deepl`) or a person. */
export type Origin = `engine:${string}` | 'human';

export interface PreviousVersion {
  /** The unit's source before it changed (written as `#| msgid`). */
  readonly source: string;
  /** The human translation of that old source. */
  readonly translation: string;
}

export interface MemoryEntry {
  /** The unit's Markdown source: the PO `msgid` and the entry's key. */
  readonly source: string;
  /** The translation (`msgstr`). */
  readonly translation: string;
  readonly origin: Origin;
  /** The model an engine used (`gpt-4o-mini`), for engines that have models (written `model=…`). */
  readonly model?: string;
  /** `YYYY-MM-DD` (UTC) of the last change of translation or origin. */
  readonly date: string;
  /** Where the unit appears, such as `README.md:12`. */
  readonly references: readonly string[];
  /**
   * Needs review: either an old human translation carried over a source change (never output),
   * or a fresh engine translation of the new source awaiting review of the old human one.
   */
  readonly fuzzy: boolean;
  readonly previous?: PreviousVersion;
  /** No longer in the source; kept as `#~` so a revert costs nothing. */
  readonly obsolete: boolean;
  /** Translator comments (`# …`) written in a PO editor, kept verbatim. */
  readonly comment?: string;
}

export function isEngineOrigin(origin: Origin): boolean {
  return origin.startsWith('engine:');
}

/** `YYYY-MM-DD` in UTC: day precision keeps PO files stable across runs of one day. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
