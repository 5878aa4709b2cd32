import type { Link, Nodes, Parent, Root, Text } from 'mdast';
import type { Transform } from 'mdast-util-from-markdown';
import type { Point } from 'unist';
import { createLineIndex } from './line-index.js';

/**
 * Wraps GFM's autolink-literal transform so that the links it makes have source positions.
 *
 * Bare URLs and e-mail addresses that micromark cannot see while tokenizing (`_someone@example.org_`,
 * an address right after emphasis) are found afterwards by a find-and-replace over text nodes, which
 * makes nodes without positions; every range-based step here needs one. Each replaced text node is
 * cut back into its pieces by length when its source bytes are its value (no escape or entity);
 * otherwise the text node is put back and the address stays plain text, as a parser without the
 * transform would leave it.
 */
export function positionedLiteralLinks(transform: Transform, source: () => string): Transform {
  return (tree) => {
    const before = new Map<Parent, Nodes[]>();
    collectTextParents(tree, before);
    const result = transform(tree) ?? tree;
    const text = source();
    const changed = [...before].filter(
      ([parent, children]) => !sameChildren(parent.children as Nodes[], children),
    );
    if (changed.length === 0) return result;
    const place = { text, lineOf: createLineIndex(text) };
    for (const [parent, children] of changed) placeReplacements(parent, children, place);
    return result;
  };
}

// What GFM's find-and-replace looks for: `www.`, a scheme (`https:`, `mailto:`) or an e-mail's `@`.
const mayHoldAddress = /www\.|[:@]/i;

function collectTextParents(tree: Root, into: Map<Parent, Nodes[]>): void {
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!('children' in node)) continue;
    const children = node.children as Nodes[];
    if (children.some((child) => child.type === 'text' && mayHoldAddress.test(child.value)))
      into.set(node, [...children]);
    for (const child of children) stack.push(child);
  }
}

function sameChildren(now: readonly Nodes[], before: readonly Nodes[]): boolean {
  return now.length === before.length && now.every((child, index) => child === before[index]);
}

/** Pairs each original child with what replaced it (by identity) and positions the replacements. */
interface Source {
  readonly text: string;
  readonly lineOf: (offset: number) => number;
}

function placeReplacements(parent: Parent, before: readonly Nodes[], source: Source): void {
  const now = parent.children as Nodes[];
  const rebuilt: Nodes[] = [];
  let at = 0;
  for (const original of before) {
    const kept = now.indexOf(original, at);
    if (kept !== -1) {
      rebuilt.push(original);
      at = kept + 1;
      continue;
    }
    // Replaced: its pieces run up to the next original child still in place.
    const end = nextKept(now, at);
    const pieces = now.slice(at, end);
    at = end;
    rebuilt.push(
      ...(original.type === 'text' && positionPieces(original, pieces, source) ? pieces : [original]),
    );
  }
  parent.children = rebuilt as Parent['children'];
}

/** The index of the first node from `from` on that has a position (an original child), or the end. */
function nextKept(now: readonly Nodes[], from: number): number {
  const index = now.findIndex((node, at) => at >= from && node.position !== undefined);
  return index === -1 ? now.length : index;
}

function positionPieces(original: Text, pieces: readonly Nodes[], { text, lineOf }: Source): boolean {
  const start = original.position?.start;
  const end = original.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return false;
  if (text.slice(start.offset, end.offset) !== original.value) return false;
  let offset = start.offset;
  for (const piece of pieces) {
    const length = pieceText(piece)?.length;
    if (length === undefined) return false;
    piece.position = span(lineOf, text, offset, offset + length);
    if (piece.type === 'link')
      for (const child of piece.children) child.position = span(lineOf, text, offset, offset + length);
    offset += length;
  }
  return offset === end.offset;
}

function pieceText(piece: Nodes): string | undefined {
  if (piece.type === 'text') return piece.value;
  if (piece.type !== 'link') return undefined;
  const [only, ...rest] = (piece as Link).children;
  return only?.type === 'text' && rest.length === 0 ? only.value : undefined;
}

function span(lineOf: (offset: number) => number, text: string, start: number, end: number) {
  return { start: point(lineOf, text, start), end: point(lineOf, text, end) };
}

function point(lineOf: (offset: number) => number, text: string, offset: number): Point {
  return { line: lineOf(offset), column: offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1, offset };
}
