import type { Nodes, Root } from 'mdast';
import { findLabelEnd } from './link-parts.js';
import { nodeRange } from './node-range.js';
import type { Range } from './unit.js';
import { walkTree } from './walk-tree.js';

export interface Destination {
  /** The destination exactly as written (without `<…>`), and where. */
  readonly url: string;
  readonly range: Range;
}

const htmlUrlAttribute = /\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** Where the destination of an inline link or definition starts after `from` (after `(` or `]:`). */
function readDestination(text: string, from: number, end: number): Range | undefined {
  let start = from;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  if (text[start] === '<') {
    const close = text.indexOf('>', start);
    return close === -1 || close > end ? undefined : { start: start + 1, end: close };
  }
  let depth = 0;
  let index = start;
  for (; index < end; index++) {
    const char = text[index] as string;
    if (char === '\\') index++;
    else if (/\s/.test(char)) break;
    else if (char === '(') depth++;
    else if (char === ')' && depth-- === 0) break;
  }
  return index > start ? { start, end: index } : undefined;
}

/**
 * Every link and image destination of a document with its source range: inline links and images,
 * definitions, and `href`/`src` attributes of HTML. Autolinks are left out (always absolute).
 */
export function findDestinations(text: string, tree: Root): Destination[] {
  const found: Destination[] = [];
  const add = (range: Range | undefined) => {
    if (range) found.push({ url: text.slice(range.start, range.end), range });
  };
  walkTree<Nodes>(tree, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const { start, end } = nodeRange(node);
      const open = node.type === 'image' ? start + 1 : start;
      if (text[open] !== '[') return;
      const labelEnd = findLabelEnd(text, open, end);
      if (labelEnd === undefined) return;
      if (node.type === 'definition' && text[labelEnd + 1] === ':')
        add(readDestination(text, labelEnd + 2, end));
      else if (node.type !== 'definition' && text[labelEnd + 1] === '(')
        add(readDestination(text, labelEnd + 2, end));
    } else if (node.type === 'html') {
      const { start, end } = nodeRange(node);
      found.push(...htmlDestinations(text.slice(start, end), start));
    }
  });
  return found.sort((a, b) => a.range.start - b.range.start);
}

/** The `href` and `src` values of raw HTML (`raw`, found at offset `start`), in order. */
export function htmlDestinations(raw: string, start: number): Destination[] {
  const found: Destination[] = [];
  for (const match of raw.matchAll(htmlUrlAttribute)) {
    const value = match[2] ?? match[3] ?? '';
    const valueStart = start + match.index + match[0].length - value.length - 1;
    found.push({ url: value, range: { start: valueStart, end: valueStart + value.length } });
  }
  return found;
}

/** Replaces ranges of `text`; the edits must not overlap. */
export function applyEdits(text: string, edits: ReadonlyArray<{ range: Range; text: string }>): string {
  let out = '';
  let position = 0;
  for (const edit of [...edits].sort((a, b) => a.range.start - b.range.start)) {
    out += text.slice(position, edit.range.start) + edit.text;
    position = edit.range.end;
  }
  return out + text.slice(position);
}
