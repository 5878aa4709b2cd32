import type { Range } from './unit.js';

/** The offset of the `]` that closes the label opened at `open` (a `[`), escapes and nesting considered. */
export function findLabelEnd(source: string, open: number, limit: number): number | undefined {
  let depth = 0;
  for (let index = open; index < limit; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return index;
  }
  return undefined;
}

/** The inside of the title of an inline link or image ending at `end` (`… "title")`), if it has one. */
export function findTitle(source: string, start: number, end: number): Range | undefined {
  if (source[end - 1] !== ')') return undefined;
  return titleEndingAt(source, start, end - 2);
}

/** The inside of a definition's title (`[ref]: url "title"`), which ends the definition. */
export function findDefinitionTitle(source: string, start: number, end: number): Range | undefined {
  return titleEndingAt(source, start, end - 1);
}

/** The title whose closing delimiter is at or before `last`, after white space only. */
function titleEndingAt(source: string, start: number, last: number): Range | undefined {
  while (last > start && /\s/.test(source[last] ?? '')) last--;
  const delimiter = source[last];
  const opener = delimiter === ')' ? '(' : delimiter;
  if (opener !== '"' && opener !== "'" && opener !== '(') return undefined;
  for (let index = last - 1; index > start; index--) {
    if (source[index] === opener && source[index - 1] !== '\\') {
      // A title is separated from the destination by white space.
      if (!/\s/.test(source[index - 1] ?? '')) return undefined;
      return { start: index + 1, end: last };
    }
  }
  return undefined;
}
