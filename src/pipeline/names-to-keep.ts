import type { ParsedDocument } from '../markdown/document.js';
import { createTermProtector } from '../markdown/terms.js';

/** Enough names to steer a model, few enough to cost little in every request. */
const mostNames = 40;

const cache = new WeakMap<ParsedDocument, readonly string[]>();

/**
 * The names a document keeps as written, for engines that take instructions: the glossary, then the
 * terms the core protected as `<x/>` placeholders (a placeholder that is one protected term, with a
 * letter in it), the most frequent first.
 */
export function namesToKeep(document: ParsedDocument, glossary: readonly string[]): readonly string[] {
  let detected = cache.get(document);
  if (detected === undefined) {
    const protect = createTermProtector(document.tree, { glossary });
    const counts = new Map<string, number>();
    for (const unit of document.allUnits) {
      for (const range of unit.xs.values()) {
        const slice = document.text.slice(range.start, range.end);
        // A word, not a URL, an emoji short code or a character reference.
        if (!/^[\p{L}\p{N}]/u.test(slice) || !/\p{L}/u.test(slice) || slice.includes('://')) continue;
        if (slice.length > 60 || /\s/.test(slice)) continue;
        const spans = protect(slice);
        if (spans.length !== 1 || spans[0]?.[0] !== 0 || spans[0][1] !== slice.length) continue;
        counts.set(slice, (counts.get(slice) ?? 0) + 1);
      }
    }
    detected = [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
    cache.set(document, detected);
  }
  return [...new Set([...glossary, ...detected])].slice(0, mostNames);
}
