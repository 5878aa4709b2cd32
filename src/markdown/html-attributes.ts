import { Tokenizer, type TokenHandler } from 'parse5';
import type { Range } from './unit.js';

/** Attributes whose value is prose a reader sees: an image's alternative text, a tooltip. */
const proseAttributes = new Set(['alt', 'title']);

/** Start-tag attribute locations as parse5's tokenizer gives them, relative to the text tokenized. */
export type AttributeLocations = Readonly<Record<string, { startOffset: number; endOffset: number }>>;

/**
 * The quoted values of a start tag's `alt` and `title` attributes that hold a letter (an alt in
 * Title Case is a name: see `isTitleCase`), as absolute source ranges (inside the quotes). `offset` is where the tokenized text starts in `source`.
 * Unquoted values are left alone: a translation with a space could not stay one.
 */
export function proseAttributeRanges(source: string, offset: number, attrs: AttributeLocations): Range[] {
  const ranges: Range[] = [];
  const values = new Map<string, Range>();
  for (const [name, location] of Object.entries(attrs)) {
    if (!proseAttributes.has(name.toLowerCase())) continue;
    const start = offset + location.startOffset;
    const end = offset + location.endOffset;
    const written = /^[^=]*=\s*(["'])/.exec(source.slice(start, end));
    if (!written || source[end - 1] !== written[1]) continue;
    values.set(name.toLowerCase(), { start: start + written[0].length, end: end - 1 });
  }
  const text = (value: Range | undefined) => (value ? source.slice(value.start, value.end) : undefined);
  const alt = text(values.get('alt'));
  // A tooltip that repeats a kept alt (`title="Tidelift" alt="Tidelift"`, a sponsor's logo) is kept too.
  const keptAlt = alt !== undefined && isTitleCase(alt) ? alt : undefined;
  for (const value of values.values()) {
    const written = text(value) ?? '';
    if (/\p{L}/u.test(written) && written !== keptAlt) ranges.push(value);
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/**
 * An alt text whose every word starts with a capital or a digit (`Principal Financial Group`,
 * `Ana Lima`, `Fun 88`) names what the image shows, a sponsor's logo or a contributor's face: kept.
 */
function isTitleCase(text: string): boolean {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
    .every((word) => word === '' || /^[\p{Lu}\p{Lt}\p{N}]/u.test(word));
}

/** The same for the one start tag written at `range` of `source` (inline HTML in Markdown). */
export function tagProseAttributes(source: string, range: Range): Range[] {
  let found: Range[] = [];
  const handler: TokenHandler = {
    onStartTag: (token) => {
      if (found.length === 0 && token.location?.attrs)
        found = proseAttributeRanges(source, range.start, token.location.attrs);
    },
    onEndTag: () => undefined,
    onComment: () => undefined,
    onDoctype: () => undefined,
    onEof: () => undefined,
    onCharacter: () => undefined,
    onNullCharacter: () => undefined,
    onWhitespaceCharacter: () => undefined,
  };
  new Tokenizer({ sourceCodeLocationInfo: true }, handler).write(source.slice(range.start, range.end), true);
  return found;
}
