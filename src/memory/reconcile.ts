import { editedInPo, shownBy, type MemoryEntry } from './entry.js';
import { fingerprint } from './fingerprint.js';

/** What a unit's text in a Markdown output says about its translation, found by `reconcileUnit`. */
export type Reconciled =
  /** Nothing to learn: the output shows what the tool wrote (any change in the PO file stands). */
  | { readonly kind: 'unchanged' }
  /** A person changed the output: record it as a human translation. */
  | { readonly kind: 'edited'; readonly translation: string }
  /** Changed in the output and, differently, in the PO file: the output wins, the PO text is kept aside. */
  | { readonly kind: 'conflict'; readonly translation: string; readonly poText: string }
  /** The memory has no translation (it was rebuilt): take the output's, as an engine's. */
  | { readonly kind: 'recovered'; readonly translation: string };

export interface OutputText {
  /** The unit's text in the output, in memory terms (links as the source writes them). */
  readonly text: string;
  /** Whether it is the entry's `msgstr` as the tool would write it now (links followed). */
  readonly showsTranslation: boolean;
}

/**
 * Three-way reconciliation of one unit: the base is what the tool last wrote (the memory keeps its
 * fingerprint), one side the PO entry, the other the Markdown output. Whichever side a person
 * changed wins; both changed and different, the Markdown wins and the PO's text is returned to be
 * kept as a comment. An edit back to the source text is a decision like any other. Pure.
 */
export function reconcileUnit(
  source: string,
  entry: MemoryEntry | undefined,
  output: OutputText,
  options: { readonly recover?: boolean } = {},
): Reconciled {
  const unchanged = { kind: 'unchanged' } as const;
  if (output.text.trim() === '') return unchanged;
  if (entry === undefined || entry.translation === '') {
    return options.recover === true && output.text !== source
      ? { kind: 'recovered', translation: output.text }
      : unchanged;
  }
  // An obsolete entry did not produce this output; an old human text awaiting the engine was never shown.
  if (entry.obsolete || (entry.fuzzy && entry.origin === 'human')) return unchanged;
  const base = shownBy(entry);
  if (base === 'none' || output.showsTranslation || fingerprint(output.text) === base) return unchanged;
  return editedInPo(entry)
    ? { kind: 'conflict', translation: output.text, poText: entry.translation }
    : { kind: 'edited', translation: output.text };
}
