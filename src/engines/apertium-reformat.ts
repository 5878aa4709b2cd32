import { escapeXml } from '../tagged-text.js';
import type { DeformattedSegment } from './apertium-deformat.js';
import type { StreamItem } from './apertium-stream.js';

interface Range {
  readonly id: number;
  readonly start: number;
  readonly end: number;
}

const wordChar = /[\p{L}\p{N}]/u;

/**
 * Rebuilds tagged text from a parsed answer. Each `<g>` sent word by word spans from its first to
 * its last word in the translation (with the `<x/>` that were inside it); an `<x/>` glued to a
 * word comes back glued to it, once, before its first or after its last piece. `undefined` when
 * the words of two elements got interleaved or a tag lost every word it rode on, so that the
 * caller can retry with positional tags, which always come back well nested.
 */
export function reformat(
  items: readonly StreamItem[],
  segment: DeformattedSegment,
  source: string,
): string | undefined {
  const ranges = rangesOf(items, segment);
  if (ranges === undefined) return undefined;
  const riders = riderPlaces(items, segment);
  if (riders === undefined) return undefined;
  const mayGlue = /[\p{L}\p{N}]<[gx]\s|(<\/g>|\/>)[\p{L}\p{N}]/u.test(source);
  let out = '';
  let lastChar = '';
  let lastWasWord = false;
  items.forEach((item, index) => {
    const opens = ranges
      .filter((range) => range.start === index)
      .sort((a, b) => b.end - a.end || depth(segment, a) - depth(segment, b));
    const closes = ranges
      .filter((range) => range.end === index)
      .sort((a, b) => b.start - a.start || depth(segment, b) - depth(segment, a));
    if (item.kind === 'blank') {
      const symbol = symbolOf(item.content, segment);
      out +=
        opens.map(openTag).join('') +
        (symbol === undefined ? item.content : escapeXml(symbol)) +
        closes.map(() => '</g>').join('');
      lastChar = symbol?.charAt(symbol.length - 1) ?? '';
      lastWasWord = false;
      return;
    }
    const isWord = item.kind === 'word';
    // Transfer sometimes drops the blank between a reordered word and its neighbour
    // (`respuesta[[g:2]]bien`); a word glued to a word is never what the source meant.
    const glued =
      !mayGlue && (isWord || lastWasWord) && wordChar.test(lastChar) && wordChar.test(item.text.charAt(0));
    const before = (riders.before.get(index) ?? []).map(emptyTag).join('');
    const after = (riders.after.get(index) ?? []).map(emptyTag).join('');
    out +=
      (glued ? ' ' : '') +
      opens.map(openTag).join('') +
      before +
      escapeXml(item.text) +
      after +
      closes.map(() => '</g>').join('');
    if (item.text !== '') {
      lastChar = item.text.charAt(item.text.length - 1);
      lastWasWord = isWord;
    }
  });
  return out;
}

/** Joins a positional answer: the superblanks hold our tags verbatim. */
export function reformatPositional(items: readonly StreamItem[]): string {
  return items.map((item) => (item.kind === 'blank' ? item.content : escapeXml(item.text))).join('');
}

function emptyTag(id: number): string {
  return `<x id="${id}"/>`;
}

/** Where each glued `<x/>` goes back: before the first word that carries it, after the last. */
function riderPlaces(
  items: readonly StreamItem[],
  segment: DeformattedSegment,
): { before: Map<number, number[]>; after: Map<number, number[]> } | undefined {
  const firstBefore = new Map<number, number>();
  const lastAfter = new Map<number, number>();
  items.forEach((item, index) => {
    if (item.kind !== 'word') return;
    for (const id of item.before) if (!firstBefore.has(id)) firstBefore.set(id, index);
    for (const id of item.after) lastAfter.set(id, index);
  });
  const before = new Map<number, number[]>();
  const after = new Map<number, number[]>();
  for (const id of segment.attachedIds) {
    const [places, index] = firstBefore.has(id) ? [before, firstBefore.get(id)] : [after, lastAfter.get(id)];
    if (index === undefined) return undefined;
    places.set(index, [...(places.get(index) ?? []), id]);
  }
  return { before, after };
}

function openTag(range: Range): string {
  return `<g id="${range.id}">`;
}

function depth(segment: DeformattedSegment, range: Range): number {
  return segment.enclosing.get(`g${range.id}`)?.length ?? 0;
}

/** The text of a `<s id="N"/>` superblank, which stood for symbols inside a `<g>`. */
function symbolOf(content: string, segment: DeformattedSegment): string | undefined {
  const match = /^<s id="(\d+)"\/>$/.exec(content);
  return match ? segment.symbols.get(Number(match[1])) : undefined;
}

function blankKey(content: string): string | undefined {
  const match = /^<(x|g|s) id="(\d+)"/.exec(content);
  return match ? `${match[1]}${match[2]}` : undefined;
}

function rangesOf(items: readonly StreamItem[], segment: DeformattedSegment): Range[] | undefined {
  const ranges: Range[] = [];
  for (const id of segment.wordboundIds) {
    let start = -1;
    let end = -1;
    items.forEach((item, index) => {
      const inside =
        item.kind === 'word'
          ? item.ids.includes(id)
          : item.kind === 'blank' &&
            (segment.enclosing.get(blankKey(item.content) ?? '')?.includes(id) ?? false);
      if (!inside) return;
      if (start === -1) start = index;
      end = index;
    });
    if (start === -1) return undefined;
    ranges.push({ id, start, end });
  }
  return wellNested(ranges, segment) ? ranges : undefined;
}

/** Ranges of elements nested in the source must nest the same way; all others must not touch. */
function wellNested(ranges: readonly Range[], segment: DeformattedSegment): boolean {
  for (const a of ranges) {
    for (const b of ranges) {
      if (a.id === b.id) continue;
      const aHoldsB = segment.enclosing.get(`g${b.id}`)?.includes(a.id) ?? false;
      const bHoldsA = segment.enclosing.get(`g${a.id}`)?.includes(b.id) ?? false;
      if (aHoldsB) {
        if (b.start < a.start || b.end > a.end) return false;
      } else if (!bHoldsA && !(a.end < b.start || b.end < a.start)) return false;
    }
  }
  return true;
}
