import escapeStringRegexp from 'escape-string-regexp';
import { parseDocument, type ParsedDocument } from '../markdown/document.js';
import type { Unit } from '../markdown/unit.js';
import { isEngineOrigin } from '../memory/entry.js';
import type { TranslationMemory } from '../memory/translation-memory.js';
import { termTranslations, type TermsSetting } from './term-translations.js';
import type { SourceDocument } from './source-document.js';

/**
 * The PO header field that says which words the memory's translations keep and how they write them:
 * the `glossary:` words, and each `terms:` entry with its translation into the memory's language
 * (itself when it has none), as JSON (`{"glossary":["ship"],"terms":{"Swarm":"Enjambre"}}`, sorted).
 * Written at the end of a complete run; none when the settings have no such word.
 */
export const termsField = 'X-Readme-I18n-Terms';

/** The words the settings keep for one language: `glossary:` words, and `terms:` with how each is written. */
export interface KeptWords {
  readonly glossary: readonly string[];
  readonly terms: ReadonlyMap<string, string>;
}

const none: KeptWords = { glossary: [], terms: new Map() };
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The kept words of the settings for one language: a term without a translation writes itself. */
export function keptWordsOf(glossary: readonly string[], terms: TermsSetting, lang: string): KeptWords {
  const translations = termTranslations(terms, lang);
  return {
    glossary: [...new Set(glossary)].sort(byCodePoint),
    terms: new Map(
      Object.keys(terms)
        .sort(byCodePoint)
        .map((term) => [term, translations.get(term) ?? term]),
    ),
  };
}

/** How the settings write a kept span: a term's translation, else the span itself. */
function writtenAs(words: KeptWords, span: string): string {
  return words.terms.get(span) ?? span;
}

/** The kept words the memory's translations follow: none for a memory that never noted any. */
export function storedKeptWords(memory: TranslationMemory): KeptWords {
  const value = memory.header(termsField);
  if (value === undefined) return none;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return none;
  }
  if (typeof parsed !== 'object' || parsed === null) return none;
  const { glossary, terms } = parsed as { glossary?: unknown; terms?: unknown };
  return {
    glossary: Array.isArray(glossary) ? glossary.filter((word) => typeof word === 'string') : [],
    terms: new Map(
      typeof terms === 'object' && terms !== null && !Array.isArray(terms)
        ? Object.entries(terms).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
        : [],
    ),
  };
}

/** Notes the kept words the memory's translations now follow (after a complete run). */
export function storeKeptWords(memory: TranslationMemory, words: KeptWords): void {
  if (words.glossary.length === 0 && words.terms.size === 0) {
    memory.setHeader(termsField, undefined);
    return;
  }
  const terms = [...words.terms].sort(([a], [b]) => byCodePoint(a, b));
  memory.setHeader(
    termsField,
    JSON.stringify({
      ...(words.glossary.length > 0 ? { glossary: words.glossary } : {}),
      ...(terms.length > 0 ? { terms: Object.fromEntries(terms) } : {}),
    }),
  );
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((word, index) => word === b[index]);

/** The same words kept, whatever a term's translation. */
function sameKept(a: KeptWords, b: KeptWords): boolean {
  return (
    sameList(a.glossary, b.glossary) &&
    a.terms.size === b.terms.size &&
    [...a.terms.keys()].every((term) => b.terms.has(term))
  );
}

function sameWords(a: KeptWords, b: KeptWords): boolean {
  return sameKept(a, b) && [...a.terms].every(([term, written]) => b.terms.get(term) === written);
}

/** What following changed settings did to one source's units in the memory. */
export interface TermsFollowed {
  /** Units whose machine translation no longer fits what is kept: to send again. */
  readonly stale: ReadonlySet<string>;
  /** Translations by hand that still write the old wording, kept as they are. */
  readonly warnings: readonly string[];
}

export interface TermsFollowerOptions {
  readonly before: KeptWords;
  readonly after: KeptWords;
  /** The source language and front-matter keys, as the documents were parsed with. */
  readonly language: string;
  readonly frontMatter: readonly string[];
  /** The memory's file, relative to the repository, for messages. */
  readonly memoryPath: string;
  /** A source's translated file, relative to the repository, for messages. */
  readonly outputOf: (sourcePath: string) => string;
}

/**
 * Brings a language's memory in line with changed `glossary:` / `terms:` settings, source by source.
 * A unit whose kept words are placed as before, only written otherwise (`Enjambre` → `Colmena`), has
 * its machine translation rewritten by the core, nothing sent, when the old wording appears in it
 * exactly as often as the unit keeps the word; a unit that keeps other words now (a glossary word
 * added or removed), or whose old wording cannot be told apart, is sent again. A translation by hand
 * is never changed: a warning names it. Undefined when the settings did not change.
 */
export function createTermsFollower(
  memory: TranslationMemory,
  options: TermsFollowerOptions,
): ((source: SourceDocument) => TermsFollowed) | undefined {
  const { before, after } = options;
  if (sameWords(before, after)) return undefined;
  const sameKeys = sameKept(before, after);
  const decided = new Set<string>();
  return (source) => {
    const document = source.document;
    // Only what is kept changed, not how it is written: the units are the same, no second parse.
    const previous = sameKeys
      ? document
      : parseDocument(source.text, {
          glossary: before.glossary,
          terms: [...before.terms.keys()],
          language: options.language,
          frontMatter: options.frontMatter,
        });
    const previousUnits = new Map<string, Unit>();
    for (const unit of previous.allUnits)
      if (!previousUnits.has(unit.source)) previousUnits.set(unit.source, unit);
    const stale = new Set<string>();
    const warnings: string[] = [];
    for (const unit of document.allUnits) {
      if (decided.has(unit.source)) continue;
      decided.add(unit.source);
      const entry = memory.entry(unit.source);
      // An old translation by hand awaiting review is never shown: the engine sends the unit anyway.
      if (entry === undefined || entry.translation === '' || (entry.fuzzy && !isEngineOrigin(entry.origin)))
        continue;
      const stored = entry.translation;
      const was = previousUnits.get(unit.source);
      const now = spansOf(unit, document);
      const samePlaces = was !== undefined && signature(was) === signature(unit);
      const change = samePlaces
        ? rewording(stored, now, before, after)
        : grownAndWritten(stored, was === undefined ? undefined : spansOf(was, previous), now, after);
      if (change === 'unchanged') continue;
      if (!isEngineOrigin(entry.origin)) {
        const change = describe(now, before, after);
        warnings.push(
          `${source.path}:${unit.line}: ${change}; the translation by hand of this unit is kept as it is: change it in ${options.outputOf(source.path)} or ${options.memoryPath}`,
        );
        // Told once: the entry keeps the note for whoever reviews it later.
        memory.addComment(unit.source, `readme-i18n: ${change}; this translation by hand was kept as it is`);
        continue;
      }
      // The new wording put in place of the old by the core, as the engine's text.
      if (change === 'send') stale.add(unit.source);
      else
        memory.record(unit.source, change.text, { origin: entry.origin, model: entry.model, pending: true });
    }
    return { stale, warnings };
  };
}

export type Change = 'unchanged' | 'send' | { readonly text: string };

/** The unit's tagged text and its nested units': equal, the same spans are kept in the same places. */
function signature(unit: Unit): string {
  return [unit.tagged, ...unit.nested.map(signature)].join('\u0000');
}

/** The text of every kept span of a unit and of the units nested in it (its Markdown holds theirs). */
function spansOf(unit: Unit, document: ParsedDocument): string[] {
  return [
    ...[...unit.xs.values()].map((range) => document.text.slice(range.start, range.end)),
    ...unit.nested.flatMap((nested) => spansOf(nested, document)),
  ];
}

function counted(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

const wordPattern = (word: string) => `(?<![\\p{L}\\p{N}_])${escapeStringRegexp(word)}(?![\\p{L}\\p{N}_])`;

const wordRegExp = (word: string) => new RegExp(wordPattern(word), 'gu');

function occurrences(text: string, word: string): number {
  return word === '' ? 0 : (text.match(wordRegExp(word))?.length ?? 0);
}

/**
 * Kept spans in the same places, some written otherwise now: the stored text with each old wording
 * replaced, when each appears exactly as often as the unit keeps its word (not counting where it is
 * part of the new wording); `unchanged` when the text already writes the new wording (a run stopped
 * after rewriting it); `send` when it cannot tell.
 */
export function rewording(
  stored: string,
  spans: readonly string[],
  before: KeptWords,
  after: KeptWords,
): Change {
  const changes = new Map<string, string>();
  for (const [span, times] of counted(spans)) {
    const old = writtenAs(before, span);
    const next = writtenAs(after, span);
    if (old === next) continue;
    const outside = occurrences(stored.replace(wordRegExp(next), '\u0000'), old);
    if (outside === 0 && occurrences(stored, next) >= times) continue;
    if (outside !== times || (changes.has(old) && changes.get(old) !== next)) return 'send';
    changes.set(old, next);
  }
  if (changes.size === 0) return 'unchanged';
  // New wordings match first and stay, so an old one inside a new one is left alone.
  const words = [...new Set([...changes.values(), ...changes.keys()])].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(words.map(wordPattern).join('|'), 'gu');
  return {
    text: stored.replace(pattern, (word) => (isNew(word, changes) ? word : (changes.get(word) ?? word))),
  };
}

function isNew(word: string, changes: ReadonlyMap<string, string>): boolean {
  return [...changes.values()].includes(word);
}

/**
 * Other spans kept now. When the unit only keeps more (a glossary word added) and its stored text
 * already writes each added span as the settings now do (the engine left the word alone, or a
 * stopped run sent it again), nothing is to do; else it is sent again.
 */
function grownAndWritten(
  stored: string,
  was: readonly string[] | undefined,
  now: readonly string[],
  after: KeptWords,
): Change {
  if (was === undefined) return 'send';
  const before = counted(was);
  const added = counted(now);
  for (const [span, times] of before) {
    const left = (added.get(span) ?? 0) - times;
    if (left < 0) return 'send';
    if (left === 0) added.delete(span);
    else added.set(span, left);
  }
  for (const [span, times] of added) if (occurrences(stored, writtenAs(after, span)) < times) return 'send';
  return 'unchanged';
}

/** Why a translation by hand no longer follows the settings, for its warning. */
function describe(spans: readonly string[], before: KeptWords, after: KeptWords): string {
  const reworded = [...new Set(spans)].filter((span) => writtenAs(before, span) !== writtenAs(after, span));
  if (reworded.length === 0) return 'glossary: or terms: now keep other words in this unit';
  const quoted = (text: string) => JSON.stringify(text);
  return reworded
    .map((span) => {
      const was = `(was ${quoted(writtenAs(before, span))})`;
      const next = writtenAs(after, span);
      return next === span
        ? `terms: no longer translates ${quoted(span)} ${was}`
        : `terms: now writes ${quoted(next)} for ${quoted(span)} ${was}`;
    })
    .join('; ');
}
