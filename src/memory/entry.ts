import { fingerprint } from './fingerprint.js';

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
  /**
   * Fingerprint of the `msgstr` as the tool last wrote it (`sum=`): when the `msgstr` no longer
   * matches, a person changed it in the PO file. Undefined for an entry the tool never wrote.
   */
  readonly written?: string;
  /**
   * Fingerprint of what the Markdown output last showed for this unit (`shown=`), when that is not
   * the `msgstr` as the tool wrote it: `'none'` when no output showed it yet (a run stopped before
   * writing its outputs), or the old text's after an edit in the PO file not yet written out.
   */
  readonly shown?: string;
}

/** Whether a person changed the entry's `msgstr` in the PO file since the tool last wrote it. */
export function editedInPo(entry: MemoryEntry): boolean {
  return entry.written !== undefined && entry.written !== fingerprint(entry.translation);
}

/** The fingerprint of what the Markdown output shows for an entry's unit (`'none'`: nothing yet). */
export function shownBy(entry: MemoryEntry): string {
  return entry.shown ?? entry.written ?? fingerprint(entry.translation);
}

/** The engine's name of an engine origin (`deepl` for `engine:deepl`), else `undefined`. */
export function engineOf(origin: Origin): string | undefined {
  return isEngineOrigin(origin) ? origin.slice('engine:'.length) : undefined;
}

export function isEngineOrigin(origin: Origin): boolean {
  return origin.startsWith('engine:');
}

/** `YYYY-MM-DD` in UTC: day precision keeps PO files stable across runs of one day. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
