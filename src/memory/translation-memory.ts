import { writeFileAtomic } from '../atomic-write.js';
import { alignEdges } from './edges.js';
import {
  dayOf,
  isEngineOrigin,
  shownBy,
  type MemoryEntry,
  type Origin,
  type PreviousVersion,
} from './entry.js';
import { MemoryUsageError } from './memory-errors.js';
import { fingerprint } from './fingerprint.js';
import { compilePo, orderHeaders, type PoContent } from './po-file.js';

export interface RecordOptions {
  readonly origin: Origin;
  /** The engine's model, for engines that have models. */
  readonly model?: string | undefined;
  /** Where the unit appears (`README.md:12`); left as they were when omitted. */
  readonly references?: readonly string[];
  /**
   * The Markdown outputs do not show this text yet (a batch of a run whose outputs are written at
   * its end): the memory keeps what they show, so that a stopped run's outputs are not taken for
   * edits (default: false, the outputs show it).
   */
  readonly pending?: boolean;
  /** A translator comment to add (a conflict's other text), kept after any earlier one. */
  readonly comment?: string;
}

/** A unit of this run: its source, and optionally where it appears. */
export type UsedUnit = string | { readonly source: string; readonly reference?: string };

export interface FinishOptions {
  /** Drop entries this run did not use instead of keeping them as obsolete `#~` entries (default: `false`). */
  readonly prune?: boolean;
}

/** What harvest needs: a read-only view. */
export interface MemoryView {
  entry(source: string): MemoryEntry | undefined;
}

export interface MemoryInit {
  readonly file: string;
  readonly lang: string;
  readonly content: PoContent;
  /** The file's text as read, so that saving unchanged content writes nothing. */
  readonly written: string | undefined;
  readonly now: () => Date;
  readonly warnings: readonly string[];
  readonly setAside?: string;
}

const fixedHeaders: ReadonlyArray<readonly [string, string]> = [
  ['MIME-Version', '1.0'],
  ['Content-Type', 'text/plain; charset=UTF-8'],
  ['Content-Transfer-Encoding', '8bit'],
  ['X-Generator', 'readme-i18n'],
];

/** Defaults for the fields a PO editor may change; msgfmt --check warns when any is missing. */
const defaultHeaders: ReadonlyArray<readonly [string, string]> = [
  ['Project-Id-Version', 'README'],
  ['Last-Translator', 'readme-i18n'],
  ['Language-Team', 'none'],
  ['Plural-Forms', 'nplurals=2; plural=(n != 1);'],
];

/**
 * One language's translation memory, kept in a gettext PO file. Keys are units' Markdown sources,
 * never their positions. Methods never mutate the objects they return or receive.
 */
export class TranslationMemory implements MemoryView {
  readonly file: string;
  readonly lang: string;
  /** Problems met while loading (a broken file set aside, entries skipped), for the caller to show. */
  readonly warnings: readonly string[];
  /** Where an unparsable PO file was moved (the memory then starts empty: rebuild it with harvest's `recover`). */
  readonly setAside: string | undefined;
  readonly #entries = new Map<string, MemoryEntry>();
  readonly #headers: Map<string, string>;
  readonly #used = new Map<string, Set<string>>();
  readonly #now: () => Date;
  #written: string | undefined;
  /** When the next `checkpoint` may save (`performance.now()` time). */
  #nextCheckpoint = 0;
  /** The content (headers and entries) as last read or written: unchanged, the PO text is not compiled again. */
  #savedContent: string;

  constructor(init: MemoryInit) {
    this.file = init.file;
    this.lang = init.lang;
    this.warnings = [...init.warnings];
    this.setAside = init.setAside;
    this.#now = init.now;
    this.#written = init.written;
    this.#headers = new Map(init.content.headers.map(([key, value]) => [key, value]));
    for (const entry of init.content.entries) this.#entries.set(entry.source, entry);
    // Content given without a file holding it is not saved yet.
    this.#savedContent = init.written === undefined ? '' : this.#content();
  }

  /** Headers and entries, in file order, as one comparable text. */
  #content(): string {
    return JSON.stringify([[...this.#headers], this.entries()]);
  }

  /** A field of the PO header (`X-Readme-I18n-Terms`), or `undefined` when the file has none. */
  header(name: string): string | undefined {
    return this.#headers.get(name);
  }

  /** Sets a field of the PO header, or removes it (`undefined`); saved with the entries. */
  setHeader(name: string, value: string | undefined): void {
    if (value === undefined) this.#headers.delete(name);
    else this.#headers.set(name, value);
  }

  /** The entry for a source in any state, or `undefined`. */
  entry(source: string): MemoryEntry | undefined {
    return this.#entries.get(source);
  }

  /** Entries in file order: current ones, then obsolete ones. */
  entries(): MemoryEntry[] {
    const all = [...this.#entries.values()];
    return [...all.filter((entry) => !entry.obsolete), ...all.filter((entry) => entry.obsolete)];
  }

  /** The translation to reuse without sending: current (obsolete ones revive), never fuzzy, never empty. */
  lookup(source: string): string | undefined {
    const entry = this.#entries.get(source);
    return entry && !entry.fuzzy && entry.translation !== '' ? entry.translation : undefined;
  }

  /**
   * An engine's translation of exactly this source that awaits review because an older human
   * translation exists (see `carryOver`): fit to output, not to send again.
   */
  draft(source: string): string | undefined {
    const entry = this.#entries.get(source);
    return entry && entry.fuzzy && isEngineOrigin(entry.origin) && entry.translation !== ''
      ? entry.translation
      : undefined;
  }

  /**
   * Stores a translation. An engine never replaces a human translation of the same source, even a
   * fuzzy one being worked on (returns `false`: use the engine's text for this run's output only);
   * an engine translation of a source whose old human translation was carried over stays fuzzy,
   * for review, with the old version kept as previous.
   */
  record(source: string, translation: string, options: RecordOptions): boolean {
    checkSource(source);
    const existing = this.#entries.get(source);
    const text = alignEdges(source, translation);
    let fuzzy = false;
    let previous: PreviousVersion | undefined;
    if (isEngineOrigin(options.origin) && existing) {
      // Only an old human text carried over a source change, untouched since, gives way to an
      // engine; any other human text (reviewed, or fuzzy work in progress) stays.
      const carried =
        existing.fuzzy &&
        existing.previous !== undefined &&
        existing.translation === existing.previous.translation;
      if (existing.origin === 'human' && existing.translation !== '' && !carried) return false;
      if (existing.fuzzy && existing.previous) {
        fuzzy = true;
        previous = existing.previous;
      }
    }
    const comment = [existing?.comment, options.comment].filter((line) => line !== undefined).join('\n');
    const shown = options.pending === true ? (existing ? shownBy(existing) : 'none') : undefined;
    this.#put(existing, {
      source,
      translation: text,
      origin: options.origin,
      ...(isEngineOrigin(options.origin) && options.model ? { model: options.model } : {}),
      references: options.references ?? existing?.references ?? [],
      fuzzy,
      ...(previous ? { previous } : {}),
      ...(comment !== '' ? { comment } : {}),
      ...(shown !== undefined && shown !== fingerprint(text) ? { shown } : {}),
    });
    return true;
  }

  /** Records a person's translation: current, reviewed, never replaced by an engine. */
  markHuman(source: string, translation: string, options: { readonly comment?: string } = {}): void {
    this.record(source, translation, { origin: 'human', ...options });
  }

  /**
   * Adds a translator comment (`# …`) to an entry, once, changing nothing else: a note for the
   * person who reviews it in the PO file.
   */
  addComment(source: string, comment: string): void {
    const entry = this.#entries.get(source);
    if (!entry || entry.comment?.split('\n').includes(comment)) return;
    this.#entries.set(source, {
      ...entry,
      comment: entry.comment ? `${entry.comment}\n${comment}` : comment,
    });
  }

  /**
   * Notes what a Markdown output now shows for a unit, once it is written: the base against which
   * the next run tells an edit of that output apart.
   */
  markShown(source: string, shownText: string): void {
    const entry = this.#entries.get(source);
    if (!entry) return;
    const printed = fingerprint(shownText);
    const shown = printed === fingerprint(entry.translation) ? undefined : printed;
    if (entry.shown === shown) return;
    const { shown: _previous, ...rest } = entry;
    this.#entries.set(source, shown === undefined ? rest : { ...rest, shown });
  }

  /**
   * Notes where a source's units stand once its output is written (`#: README.md:12`), for a run
   * that stops before `finish` (a later source ran out of quota): the layout by which the next run
   * reads that output back. References to other files stay; entries not placed lose this file's.
   */
  markPlaced(path: string, units: Iterable<{ readonly source: string; readonly line: number }>): void {
    const placed = new Map<string, string[]>();
    for (const unit of units) {
      const reference = `${path}:${unit.line}`;
      const references = placed.get(unit.source);
      if (references === undefined) placed.set(unit.source, [reference]);
      else if (!references.includes(reference)) references.push(reference);
    }
    const prefix = `${path}:`;
    for (const entry of this.#entries.values()) {
      if (entry.obsolete) continue;
      const own = placed.get(entry.source) ?? [];
      const at = entry.references.findIndex((reference) => reference.startsWith(prefix));
      const others = entry.references.filter((reference) => !reference.startsWith(prefix));
      const references =
        at === -1 ? [...others, ...own] : [...others.slice(0, at), ...own, ...others.slice(at)];
      if (references.join('\n') === entry.references.join('\n')) continue;
      this.#entries.set(entry.source, { ...entry, references });
    }
  }

  /**
   * A unit's source changed from `oldSource` to `newSource`. When the old translation was a
   * person's, it moves to the new source as a fuzzy entry with the old source as `#| msgid`: never
   * output, so the engine translates the new source, and the reviewer sees what changed. Returns
   * whether anything was carried.
   */
  carryOver(oldSource: string, newSource: string): boolean {
    checkSource(newSource);
    const old = this.#entries.get(oldSource);
    if (!old || oldSource === newSource) return false;
    const human: PreviousVersion | undefined =
      old.origin === 'human' && !old.fuzzy && old.translation !== ''
        ? { source: old.source, translation: old.translation }
        : old.previous;
    const existing = this.#entries.get(newSource);
    if (!human || (existing && existing.translation !== '')) return false;
    this.#put(existing, {
      source: newSource,
      translation: human.translation,
      origin: 'human',
      references: existing?.references ?? old.references,
      fuzzy: true,
      previous: human,
    });
    return true;
  }

  /** Notes the units of this run, in source order, for `finish`. */
  markUsed(units: Iterable<UsedUnit>): void {
    for (const unit of units) {
      const { source, reference } = typeof unit === 'string' ? { source: unit, reference: undefined } : unit;
      let references = this.#used.get(source);
      if (references === undefined) this.#used.set(source, (references = new Set()));
      if (reference !== undefined) references.add(reference);
    }
  }

  /**
   * Ends a complete run: used entries come first in source order and revive if obsolete; the rest
   * become obsolete (`#~`), or go with `prune`. Not for a run stopped early, which would obsolete
   * what it did not reach.
   */
  finish(options: FinishOptions = {}): void {
    const previous = new Map(this.#entries);
    this.#entries.clear();
    for (const [source, references] of this.#used) {
      const entry = previous.get(source);
      if (entry) {
        this.#entries.set(source, {
          ...entry,
          obsolete: false,
          references: references.size > 0 ? [...references] : entry.references,
        });
      }
    }
    for (const entry of previous.values()) {
      if (!this.#used.has(entry.source) && options.prune !== true) {
        this.#entries.set(entry.source, { ...entry, obsolete: true });
      }
    }
    this.#used.clear();
  }

  /** The PO text `save` would write. */
  serialize(revisionDate = this.#headers.get('PO-Revision-Date')): string {
    const headers = new Map<string, string>(defaultHeaders);
    for (const [key, value] of this.#headers) headers.set(key, value);
    for (const [key, value] of fixedHeaders) headers.set(key, value);
    headers.set('Language', this.lang);
    if (revisionDate === undefined) headers.delete('PO-Revision-Date');
    else headers.set('PO-Revision-Date', revisionDate);
    return compilePo(orderHeaders(headers), this.entries());
  }

  /**
   * Writes the PO file atomically when its content changed (returns whether it wrote). The revision
   * date changes only with the content, so an unchanged memory leaves the file byte-identical.
   */
  async save(): Promise<boolean> {
    // A memory never written that is still empty (the engine failed at once) is not created header-only.
    if (this.#written === undefined && this.#entries.size === 0) return false;
    // Nothing changed since the file was read or written: no PO text to compile, none to write.
    const content = this.#content();
    if (content === this.#savedContent) return false;
    if (this.serialize() === this.#written) {
      this.#savedContent = content;
      return false;
    }
    const revisionDate = poDate(this.#now());
    const text = this.serialize(revisionDate);
    await writeFileAtomic(this.file, text);
    this.#headers.set('PO-Revision-Date', revisionDate);
    this.#written = text;
    this.#savedContent = this.#content();
    return true;
  }

  /**
   * `save` after a batch of a run, so that a run stopped early keeps what it was sent. Each save
   * writes the whole file: once that takes a while, checkpoints are spaced out to cost at most a
   * tenth of the run's time, so a long run stays linear in its units (a stopped one loses at most
   * the batches of that interval). A run ends with `save`.
   */
  async checkpoint(): Promise<boolean> {
    if (performance.now() < this.#nextCheckpoint) return false;
    const started = performance.now();
    const wrote = await this.save();
    const ended = performance.now();
    this.#nextCheckpoint = ended + 9 * (ended - started);
    return wrote;
  }

  #put(existing: MemoryEntry | undefined, next: Omit<MemoryEntry, 'date' | 'obsolete' | 'written'>): void {
    const unchanged =
      existing !== undefined &&
      existing.translation === next.translation &&
      existing.origin === next.origin &&
      existing.model === next.model &&
      existing.fuzzy === next.fuzzy &&
      existing.previous?.source === next.previous?.source &&
      existing.previous?.translation === next.previous?.translation;
    const date = unchanged ? existing.date : dayOf(this.#now());
    this.#entries.set(next.source, {
      ...next,
      date,
      obsolete: false,
      written: fingerprint(next.translation),
    });
  }
}

function checkSource(source: string): void {
  if (source === '') {
    throw new MemoryUsageError(
      'an empty unit source cannot be a translation memory key (the empty msgid is the PO header); skip empty units before recording them',
    );
  }
}

/** gettext's `YEAR-MO-DA HO:MI+ZONE`, in UTC. */
function poDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')}+0000`;
}
