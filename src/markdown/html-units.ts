import { Tokenizer, type TokenHandler } from 'parse5';
import { proseAttributeRanges } from './html-attributes.js';
import { inlineElements, verbatimElements } from './html-tags.js';
import { isSeparatorText, splitBars, type BarItem } from './link-bars.js';
import type { UnitBuilder } from './unit-builder.js';
import type { Range } from './unit.js';

interface HtmlToken {
  readonly type: 'start' | 'end' | 'text' | 'comment' | 'other';
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly selfClosing: boolean;
  /** A start tag's `alt` and `title` values with prose (see `proseAttributeRanges`). */
  readonly attributes?: readonly Range[];
}

/**
 * Makes a unit of an attribute's value: nested in the unit `into` whose placeholder holds its tag,
 * or a unit of its own when the tag is in no unit (a block tag such as `<p title="…">`).
 */
export type AttributeUnit = (range: Range, into: UnitBuilder | undefined) => void;

/** Elements whose content is code in a block of its own: nothing inside is prose. */
const verbatimBlocks = new Set(['pre', 'script', 'style', 'svg', 'math', 'template', 'textarea']);

/** Tokenises raw HTML with parse5's tokenizer, keeping absolute source offsets. */
function tokenize(source: string, range: Range): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  const push = (
    type: HtmlToken['type'],
    name: string,
    location: { startOffset: number; endOffset: number } | null,
    selfClosing = false,
    attributes?: readonly Range[],
  ) => {
    if (!location) return;
    const start = range.start + location.startOffset;
    const end = range.start + location.endOffset;
    const previous = tokens.at(-1);
    if (type === 'text' && previous?.type === 'text' && previous.end === start)
      tokens[tokens.length - 1] = { ...previous, end };
    else tokens.push({ type, name, start, end, selfClosing, ...(attributes?.length ? { attributes } : {}) });
  };
  const handler: TokenHandler = {
    onComment: (token) => push('comment', '', token.location),
    onDoctype: (token) => push('other', '', token.location),
    onStartTag: (token) =>
      push(
        'start',
        token.tagName,
        token.location,
        token.selfClosing,
        token.location?.attrs ? proseAttributeRanges(source, range.start, token.location.attrs) : undefined,
      ),
    onEndTag: (token) => push('end', token.tagName, token.location),
    onEof: () => undefined,
    onCharacter: (token) => push('text', '', token.location),
    onNullCharacter: (token) => push('text', '', token.location),
    onWhitespaceCharacter: (token) => push('text', '', token.location),
  };
  new Tokenizer({ sourceCodeLocationInfo: true }, handler).write(source.slice(range.start, range.end), true);
  return tokens;
}

/** The index of the end tag that closes the start tag at `index`, or undefined. */
function findEnd(tokens: readonly HtmlToken[], index: number): number | undefined {
  const name = tokens[index]?.name;
  let depth = 0;
  for (let next = index + 1; next < tokens.length; next++) {
    const token = tokens[next] as HtmlToken;
    if (token.name !== name) continue;
    if (token.type === 'start' && !token.selfClosing) depth++;
    else if (token.type === 'end' && depth-- === 0) return next;
  }
  return undefined;
}

/**
 * Splits an HTML block into runs of prose: block-level tags end a run, inline tags such as `<a>`
 * and `<strong>` stay inside it as groups, and tags, attributes, comments and code are never prose.
 * Calls `emit` with a builder filled for each run that may hold prose.
 */
export function forEachHtmlRun(
  source: string,
  range: Range,
  newBuilder: () => UnitBuilder,
  emit: (builder: UnitBuilder, range: Range) => void,
  attribute: AttributeUnit = () => undefined,
): void {
  const tokens = tokenize(source, range);
  let run: HtmlToken[] = [];
  const flush = () => {
    addRun(source, run, newBuilder, emit, attribute);
    run = [];
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as HtmlToken;
    if (token.type === 'start' && verbatimElements.has(token.name)) {
      const end = token.selfClosing ? index : (findEnd(tokens, index) ?? tokens.length - 1);
      const last = tokens[end] as HtmlToken;
      if (verbatimBlocks.has(token.name)) flush();
      else
        run.push({ type: 'other', name: token.name, start: token.start, end: last.end, selfClosing: false });
      index = end;
    } else if ((token.type === 'start' || token.type === 'end') && !inlineElements.has(token.name)) {
      flush();
      for (const value of token.attributes ?? []) attribute(value, undefined);
    } else run.push(token);
  }
  flush();
}

function addRun(
  source: string,
  run: readonly HtmlToken[],
  newBuilder: () => UnitBuilder,
  emit: (builder: UnitBuilder, range: Range) => void,
  attribute: AttributeUnit,
): void {
  const isBlank = (token: HtmlToken) =>
    token.type === 'text' && source.slice(token.start, token.end).trim() === '';
  let first = 0;
  let last = run.length - 1;
  while (first <= last && isBlank(run[first] as HtmlToken)) first++;
  while (last >= first && isBlank(run[last] as HtmlToken)) last--;
  if (first > last) return;
  const tokens = run.slice(first, last + 1);
  const bars = findHtmlBars(source, tokens);
  if (bars) {
    // A bar's own tags (`<a title="…">` around a unit, `<img alt="…">`) are in no unit: their
    // attributes are units of their own, in document order with the bar's units.
    let next = 0;
    const outside = (until: number) => {
      for (; next < until; next++)
        for (const value of tokens[next]?.attributes ?? []) attribute(value, undefined);
    };
    for (const [from, to] of bars) {
      outside(from);
      addRun(source, tokens.slice(from, to), newBuilder, emit, attribute);
      next = to;
    }
    outside(tokens.length);
    return;
  }
  const head = tokens[0] as HtmlToken;
  const tail = tokens.at(-1) as HtmlToken;
  const start =
    head.type === 'text' ? head.start + leadingSpace(source.slice(head.start, head.end)) : head.start;
  const end = tail.type === 'text' ? tail.end - trailingSpace(source.slice(tail.start, tail.end)) : tail.end;
  const builder = newBuilder();
  const open: Array<{ name: string; id: number }> = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as HtmlToken;
    const tokenStart = Math.max(token.start, start);
    const tokenEnd = Math.min(token.end, end);
    if (token.type === 'text') builder.addText(tokenStart, tokenEnd);
    else if (token.type === 'start' && !token.selfClosing && hasEnd(tokens, index)) {
      open.push({ name: token.name, id: builder.open(token.start, token.end, 'html') });
    } else if (token.type === 'end' && open.at(-1)?.name === token.name) {
      builder.close((open.pop() as { id: number }).id, token.start, token.end);
    } else builder.addVerbatim(token.start, token.end);
    for (const value of token.attributes ?? []) attribute(value, builder);
  }
  if (open.length === 0) emit(builder, { start, end });
}

/**
 * The token ranges of a run that holds a bar (see link-bars.ts), each to become a unit, or undefined.
 * Top-level tokens are the items: `<a>…</a>` is an element whose content is a unit when it has text,
 * `<img>` an element without text, `<br>` a line break.
 */
function findHtmlBars(source: string, tokens: readonly HtmlToken[]): Array<[number, number]> | undefined {
  const items: BarItem[] = [];
  /** Per item: its token range, and for an element with text, its content's. */
  const spans: Array<{ from: number; to: number; content?: [number, number] }> = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as HtmlToken;
    const from = index;
    let item: BarItem = { kind: 'other' };
    let content: [number, number] | undefined;
    if (token.type === 'text')
      item = { kind: isSeparatorText(source.slice(token.start, token.end)) ? 'separator' : 'other' };
    else if (token.type === 'comment') item = { kind: 'separator' };
    else if (token.type === 'start' && token.name === 'br') item = { kind: 'break' };
    else if (token.type === 'start' && token.name === 'img') item = { kind: 'element', prose: false };
    else if (token.type === 'start' && token.name === 'a' && !token.selfClosing) {
      const end = findEnd(tokens, index);
      if (end !== undefined) {
        const prose = tokens
          .slice(index + 1, end)
          .some((other) => other.type === 'text' && /\p{L}/u.test(source.slice(other.start, other.end)));
        item = { kind: 'element', prose };
        if (prose) content = [index + 1, end];
        index = end;
      }
    }
    items.push(item);
    spans.push({ from, to: index + 1, content });
  }
  const parts = splitBars(items);
  if (!parts) return undefined;
  return parts.flatMap((part): Array<[number, number]> => {
    const covered = spans.slice(part.from, part.to);
    if (!part.bar) return [[covered[0]?.from ?? 0, covered.at(-1)?.to ?? 0]];
    return covered.flatMap((span) => (span.content ? [span.content] : []));
  });
}

function hasEnd(tokens: readonly HtmlToken[], index: number): boolean {
  return findEnd(tokens, index) !== undefined;
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}

function trailingSpace(text: string): number {
  return text.length - text.trimEnd().length;
}
