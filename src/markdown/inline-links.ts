import { htmlDestinations } from './destinations.js';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { findLabelEnd } from './link-parts.js';
import type { Range } from './unit.js';

/*
 * A reader of the link syntax of one block's inline content, for the few forms it can be sure of:
 * text, emphasis, escapes, code spans, inline links and images without nesting (`[text](url)`,
 * `[text](url "title")`), raw HTML tags on one line, `<scheme:…>` autolinks and a `<` that starts
 * none of them. Anything else (a reference `[a][b]`, a stray bracket or backtick, math, footnotes,
 * a bare URL that GFM would make a link, an HTML comment…) and it answers `undefined`: the caller
 * then parses the whole output. Whatever it accepts, micromark reads the same way in context,
 * since code spans, raw HTML and autolinks bind tighter than brackets and are found left to right.
 */

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const openTag =
  /^<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t\r\n"'=<>`]+|'[^'\r\n]*'|"[^"\r\n]*"))?)*[ \t]*\/?>/;
const closeTag = /^<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>/;
const autolink = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/;
const schemeStart = /^<[A-Za-z][A-Za-z0-9+.-]*:/;
const emailStart = /^<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@/;
const emailAutolink =
  /^<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/;
// GFM makes these links in text (a bare URL may swallow brackets after it: `https://x/[a](b)`).
const literalLink = /https?:\/\/|www\./gi;

interface Reading {
  /** Destinations found. */
  readonly found: Range[];
  /** Code spans, tags, autolinks, links: where GFM makes no link of a bare URL. */
  readonly opaque: Range[];
  /** The labels the document defines, normalised as micromark compares them. */
  readonly defined: ReadonlySet<string>;
}

/** Whether `line` is one whole raw HTML tag and white space: at a paragraph's start, an HTML block. */
export function isTagLine(line: string): boolean {
  const tag = openTag.exec(line) ?? closeTag.exec(line);
  return tag !== null && /^[ \t]*$/.test(line.slice(tag[0].length));
}

/** What one block's inline content holds: destinations (offsets in `text`), or undefined when unsure. */
export function inlineDestinations(text: string, defined: ReadonlySet<string>): Range[] | undefined {
  const found: Range[] = [];
  // Code spans, tags, autolinks, links: where GFM makes no link of a bare URL.
  const opaque: Range[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    let end: number | undefined;
    if (char === '\\') end = index + (asciiPunctuation.test(text[index + 1] ?? '') ? 2 : 1);
    else if (char === '`') end = codeSpanEnd(text, index, opaque);
    else if (char === '<') end = angleEnd(text, index, found, opaque);
    else if (char === '[' || (char === '!' && text[index + 1] === '[')) {
      end = linkEnd(text, char === '!' ? index + 1 : index, { found, opaque, defined }, char === '[');
      if (end !== undefined) opaque.push({ start: index, end });
    } else if (char === ']' || char === '$') return undefined;
    else end = index + 1;
    if (end === undefined) return undefined;
    index = end;
  }
  return swallowsSyntax(text, opaque) ? undefined : found;
}

/**
 * Whether a bare URL that GFM makes a link (`https://…`, `www.…`) runs over brackets, `!` or `\\`
 * outside code, tags and links: it takes them into its link (`https://x/[a](b)` holds no link).
 */
function swallowsSyntax(text: string, opaque: Range[]): boolean {
  opaque.sort((a, b) => a.start - b.start);
  for (const match of text.matchAll(literalLink)) {
    const start = match.index;
    if (opaque.some((range) => range.start <= start && start < range.end)) continue;
    const run = /^[^\s<`]*/.exec(text.slice(start))?.[0] ?? '';
    if (/[[\]!\\]/.test(run)) return true;
  }
  return false;
}

/**
 * After the code span whose backtick run starts at `start`; a run without a closing run of the same
 * length is text (as CommonMark says).
 */
function codeSpanEnd(text: string, start: number, opaque: Range[]): number {
  let runEnd = start;
  while (text[runEnd] === '`') runEnd++;
  const length = runEnd - start;
  for (let index = runEnd; index < text.length;) {
    if (text[index] !== '`') {
      index++;
      continue;
    }
    let close = index;
    while (text[close] === '`') close++;
    if (close - index === length) {
      opaque.push({ start, end: close });
      return close;
    }
    index = close;
  }
  return runEnd;
}

/** After a raw HTML tag, autolink or literal `<` at `start`; HTML link targets go to `found`. */
function angleEnd(text: string, start: number, found: Range[], opaque: Range[]): number | undefined {
  const rest = text.slice(start, start + 2000);
  const tag = openTag.exec(rest) ?? closeTag.exec(rest);
  if (tag) {
    found.push(...htmlDestinations(tag[0], start).map((each) => each.range));
    opaque.push({ start, end: start + tag[0].length });
    return start + tag[0].length;
  }
  const link = autolink.exec(rest) ?? emailAutolink.exec(rest);
  if (link && ![...link[0]].some(isControl)) {
    opaque.push({ start, end: start + link[0].length });
    return start + link[0].length;
  }
  if (schemeStart.test(rest) || emailStart.test(rest)) return undefined;
  const next = text[start + 1] ?? '';
  if (next === '/' || next === '!' || next === '?') return undefined;
  if (/[A-Za-z]/.test(next)) {
    const name = /^<[A-Za-z][A-Za-z0-9-]*/.exec(rest)?.[0] ?? '';
    // `<name` then white space, `/` or `>` that did not make a tag: one spread over lines, or malformed.
    if (/^[\s/>]|^$/.test(text.slice(start + name.length, start + name.length + 1))) return undefined;
  }
  return start + 1;
}

/**
 * After the inline link or image whose `[` is at `open` (its destination pushed to `found`), or
 * after a bracketed text that is no link (`[a]`: no destination either way); undefined for the
 * rest. A link's text may hold images (`[![alt](badge.svg)](url)`) when `images` says so; an
 * image's holds neither links nor images, and its HTML is alt text only, with no destination.
 */
function linkEnd(text: string, open: number, reading: Reading, images: boolean): number | undefined {
  const { found, opaque } = reading;
  const inside = images ? found : [];
  let index = open + 1;
  if (text[index] === '^') return undefined;
  for (;;) {
    const char = text[index];
    if (char === undefined || char === '[' || char === '\n' || char === '\r' || char === '$')
      return undefined;
    if (char === ']') break;
    if (char === '\\') index += asciiPunctuation.test(text[index + 1] ?? '') ? 2 : 1;
    else if (char === '`') index = codeSpanEnd(text, index, opaque);
    else if (char === '!' && text[index + 1] === '[') {
      if (!images) return undefined;
      const end = linkEnd(text, index + 1, reading, false);
      if (end === undefined) return undefined;
      index = end;
    } else if (char === '<') {
      const end = angleEnd(text, index, inside, opaque);
      if (end === undefined) return undefined;
      index = end;
    } else index++;
  }
  // `findDestinations` finds the label's end by brackets alone: it must see the same one.
  if (findLabelEnd(text, open, text.length) !== index) return undefined;
  index++;
  const after = text[index];
  if (after === ':') return undefined;
  if (after === '[') return referenceEnd(text, open, index - 1, reading.defined);
  if (after !== '(') return index;
  index++;
  while (text[index] === ' ' || text[index] === '\t') index++;
  const start = index;
  let depth = 0;
  for (;;) {
    const char = text[index];
    if (char === undefined || char === '\\' || char === '<' || isControl(char)) return undefined;
    if (char === ' ' || char === '\t' || (char === ')' && depth === 0)) break;
    if (char === '(' && ++depth > 3) return undefined;
    if (char === ')') depth--;
    index++;
  }
  if (depth !== 0) return undefined;
  if (index > start) found.push({ start, end: index });
  while (text[index] === ' ' || text[index] === '\t') index++;
  const quote = text[index];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, index + 1);
    if (close === -1 || index === start || /[\\\r\n]/.test(text.slice(index + 1, close))) return undefined;
    index = close + 1;
    while (text[index] === ' ' || text[index] === '\t') index++;
  }
  return text[index] === ')' ? index + 1 : undefined;
}

/**
 * After the `[label]` or `[]` at `close` + 1 that makes the text from `open` a reference link
 * (`[text][label]`, `[text][]`): undefined unless the document defines that label, since without a
 * definition `[text]` is text and `[label]` may start a link of its own (`[a][b](c)`).
 */
function referenceEnd(
  text: string,
  open: number,
  close: number,
  defined: ReadonlySet<string>,
): number | undefined {
  const start = close + 2;
  let index = start;
  for (;;) {
    const char = text[index];
    if (char === undefined || char === '[' || char === '\n' || char === '\r' || index - start > 999)
      return undefined;
    if (char === ']') break;
    index += char === '\\' ? 2 : 1;
  }
  const label = index === start ? text.slice(open + 1, close) : text.slice(start, index);
  if (label.length > 999 || /^\s*$/.test(label) || !defined.has(normalizeIdentifier(label))) return undefined;
  return index + 1;
}

function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}
