import type { ParsedDocument, UnitTranslation } from '../markdown/document.js';
import type { Unit } from '../markdown/unit.js';
import { engineOf, type MemoryEntry } from '../memory/entry.js';
import type { TranslationMemory } from '../memory/translation-memory.js';
import { needsEngine } from '../tagged-text.js';
import { keepsReferences, refuseTranslation } from './check-translation.js';

export interface Plan {
  /** Units with no usable translation in the memory, nested units before the units that hold them. */
  readonly units: readonly Unit[];
  /** Alert titles (`Note`, `Warning`…) the memory lacks: sent as units of their own. */
  readonly titles: readonly string[];
  /** Their tagged texts, each once: what is sent. */
  readonly texts: readonly string[];
  /**
   * Tagged texts of units with nothing for an engine (a heading that is only a `terms:` word): their
   * own translation, never sent.
   */
  readonly ownTexts: readonly string[];
  /** Characters of `texts`. */
  readonly chars: number;
}

/** What the memory can give a unit: its own translation, or an engine draft awaiting review. */
export function fromMemory(memory: TranslationMemory, unit: Unit): string | undefined {
  return memory.lookup(unit.source) ?? memory.draft(unit.source);
}

const verdicts = new Map<string, string | undefined>();

/**
 * What the memory gives a unit's output: its translation, or, for a person's translation that does
 * not pass the checks an engine's passes (see `refuseTranslation`), why it is refused: the unit then
 * keeps its source text and the run reports it.
 */
export function memoryTranslation(memory: TranslationMemory, unit: Unit): UnitTranslation | undefined {
  const stored = fromMemory(memory, unit);
  if (stored === undefined) return undefined;
  if (memory.entry(unit.source)?.origin !== 'human') return { markdown: stored };
  const key = `${unit.kind}\u0000${unit.source}\u0000${stored}`;
  if (!verdicts.has(key)) verdicts.set(key, refuseTranslation(unit, stored));
  const problem = verdicts.get(key);
  return problem === undefined
    ? { markdown: stored }
    : { refused: `its translation by hand in the PO file ${problem}; correct it there` };
}

/**
 * Which machine-made translations to send again: none (`false`), all (`true`), or those of the
 * engine of that name (`apertium`). A person's translation is never sent again.
 */
export type Retranslate = boolean | string;

function sendsAgain(entry: MemoryEntry | undefined, retranslate: Retranslate): boolean {
  if (retranslate === false || entry === undefined || entry.origin === 'human') return false;
  return retranslate === true || engineOf(entry.origin) === retranslate;
}

/**
 * Whether a source is sent: the memory lacks it, `retranslate` asks for it again, or its machine
 * translation no longer fits what the settings keep (`stale`, see `createTermsFollower`).
 */
function needsSending(
  memory: TranslationMemory,
  source: string,
  retranslate: Retranslate,
  stale: ReadonlySet<string>,
): boolean {
  return (
    (memory.lookup(source) ?? memory.draft(source)) === undefined ||
    sendsAgain(memory.entry(source), retranslate) ||
    (stale.has(source) && memory.entry(source)?.origin !== 'human')
  );
}

/**
 * Whether the machine translation in the memory lost one of the unit's reference links (written by
 * a version that turned `[the FAQ]` into `[la FAQ]`): it is sent again, a person's never.
 */
function lostReferences(memory: TranslationMemory, unit: Unit): boolean {
  if (unit.references.length === 0 || memory.entry(unit.source)?.origin === 'human') return false;
  const stored = fromMemory(memory, unit);
  return stored !== undefined && !keepsReferences(unit, stored);
}

/**
 * Only what the memory lacks is sent, and what `retranslate` asks for again. Nested units (alt
 * texts, titles) come first so that a unit holding them can be recorded as soon as its own batch
 * is back. `titles` are the alert titles the document shows (see `alertTitleUnits`): plain text,
 * sent like units, so that each language has its own and a person can correct it in the PO file.
 */
export function planLanguage(
  document: ParsedDocument,
  memory: TranslationMemory,
  retranslate: Retranslate = false,
  titles: readonly string[] = [],
  stale: ReadonlySet<string> = new Set(),
): Plan {
  const units: Unit[] = [];
  const visit = (unit: Unit) => {
    for (const nested of unit.nested) visit(nested);
    if (needsSending(memory, unit.source, retranslate, stale) || lostReferences(memory, unit))
      units.push(unit);
  };
  for (const unit of document.units) visit(unit);
  const sentTitles = titles.filter((title) => needsSending(memory, title, retranslate, stale));
  const all = [...new Set([...units.map((unit) => unit.tagged), ...sentTitles])];
  const texts = all.filter(needsEngine);
  return {
    units,
    titles: sentTitles,
    texts,
    ownTexts: all.filter((text) => !needsEngine(text)),
    chars: texts.reduce((sum, text) => sum + text.length, 0),
  };
}
