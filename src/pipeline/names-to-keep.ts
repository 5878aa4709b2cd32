import type { ParsedDocument } from '../markdown/document.js';
import { createLineIndex } from '../markdown/line-index.js';
import { createTermFinder, type TermFinder, type TermOptions, type TermReason } from '../markdown/terms.js';

/** Enough names to steer a model, few enough to cost little in every request. */
const mostNames = 40;

/** A name the document keeps as written, with why, for `readme-i18n terms` and the openai prompt. */
export interface KeptName {
  readonly name: string;
  readonly reason: TermReason;
  /** One-based line where the prose first keeps it. */
  readonly line: number;
  /** How often the prose keeps it. */
  readonly count: number;
}

/** The options the document was parsed with, which decided what its placeholders stand for. */
export type KeptNameOptions = Pick<TermOptions, 'glossary' | 'terms' | 'language'>;

const cache = new WeakMap<ParsedDocument, readonly KeptName[]>();

/**
 * The name a placeholder's source text stands for, with why it is kept, or undefined when it is no
 * name (inline code, a URL, an emoji short code, a character reference, a run of several terms).
 * `at` is the text's offset in the document. `Docker's` is kept with its possessive, and named
 * `Docker`.
 */
export function keptNameOf(
  slice: string,
  at: number,
  find: TermFinder,
): { readonly name: string; readonly reason: TermReason } | undefined {
  if (!/^[\p{L}\p{N}]/u.test(slice) || !/\p{L}/u.test(slice) || slice.includes('://')) return undefined;
  if (slice.length > 60 || /\n/.test(slice)) return undefined;
  const terms = find(slice, at);
  const term = terms[0];
  if (terms.length !== 1 || term?.start !== 0 || term.end !== slice.length) return undefined;
  return { name: slice.replace(/['’]s$/u, ''), reason: term.reason };
}

/**
 * The names a parsed document keeps as written, in the order the document first writes them: each
 * `<x/>` placeholder of its prose that stands for one protected term with a letter in it (not a
 * URL, an emoji short code, a character reference or inline code), with the reason that term is
 * protected. Read from the document's blocks, those made only of names (never sent) included; the
 * file is not parsed again.
 */
export function keptNames(document: ParsedDocument, options: KeptNameOptions): readonly KeptName[] {
  const cached = cache.get(document);
  if (cached !== undefined) return cached;
  const find = createTermFinder(document.tree, options);
  const lineOf = createLineIndex(document.text);
  const found = new Map<string, { reason: TermReason; line: number; count: number }>();
  const possessives = new Map<string, string>();
  // Every block, those never sent included (a heading or a table cell that is only a name, a bar's
  // `[Docker](…)`), in document order.
  const blocks = [...document.blocks, ...document.keptElements].sort((a, b) => a.range.start - b.range.start);
  for (const unit of blocks) {
    for (const range of unit.xs.values()) {
      const slice = document.text.slice(range.start, range.end);
      const known = found.get(slice);
      if (known !== undefined) {
        known.count += 1;
        continue;
      }
      const kept = keptNameOf(slice, range.start, find);
      if (kept === undefined) continue;
      found.set(slice, { reason: kept.reason, line: lineOf(range.start), count: 1 });
      if (kept.name !== slice) possessives.set(slice, kept.name);
    }
  }
  const merged = new Map<string, { reason: TermReason; line: number; count: number }>();
  for (const [slice, about] of found) {
    const name = possessives.get(slice) ?? slice;
    const known = merged.get(name);
    if (known === undefined) merged.set(name, { ...about });
    else {
      known.count += about.count;
      known.line = Math.min(known.line, about.line);
    }
  }
  const names = [...merged]
    .map(([name, about]) => ({ name, ...about }))
    .sort((a, b) => a.line - b.line || a.name.localeCompare(b.name));
  cache.set(document, names);
  return names;
}

/**
 * The names a document keeps as written, for engines that take instructions: the glossary, then the
 * kept names (see `keptNames`), the most frequent first.
 */
export function namesToKeep(document: ParsedDocument, options: KeptNameOptions): readonly string[] {
  const detected = [...keptNames(document, options)]
    .sort((a, b) => b.count - a.count || a.line - b.line)
    .map((kept) => kept.name);
  return [...new Set([...(options.glossary ?? []), ...detected])].slice(0, mostNames);
}
