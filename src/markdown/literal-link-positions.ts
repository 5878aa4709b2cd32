import type { Link, Nodes, Parent, Root, Text } from 'mdast';
import type { Transform } from 'mdast-util-from-markdown';
import type { Point } from 'unist';

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
    for (const [parent, children] of before)
      if (!sameChildren(parent.children as Nodes[], children)) placeReplacements(parent, children, text);
    return result;
  };
}

function collectTextParents(tree: Root, into: Map<Parent, Nodes[]>): void {
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!('children' in node)) continue;
    const children = node.children as Nodes[];
    if (children.some((child) => child.type === 'text')) into.set(node, [...children]);
    for (const child of children) stack.push(child);
  }
}

function sameChildren(now: readonly Nodes[], before: readonly Nodes[]): boolean {
  return now.length === before.length && now.every((child, index) => child === before[index]);
}

/** Pairs each original child with what replaced it (by identity) and positions the replacements. */
function placeReplacements(parent: Parent, before: readonly Nodes[], text: string): void {
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
      ...(original.type === 'text' && positionPieces(original, pieces, text) ? pieces : [original]),
    );
  }
  parent.children = rebuilt as Parent['children'];
}

/** The index of the first node from `from` on that has a position (an original child), or the end. */
function nextKept(now: readonly Nodes[], from: number): number {
  const index = now.findIndex((node, at) => at >= from && node.position !== undefined);
  return index === -1 ? now.length : index;
}

function positionPieces(original: Text, pieces: readonly Nodes[], text: string): boolean {
  const start = original.position?.start;
  const end = original.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return false;
  if (text.slice(start.offset, end.offset) !== original.value) return false;
  let offset = start.offset;
  for (const piece of pieces) {
    const length = pieceText(piece)?.length;
    if (length === undefined) return false;
    piece.position = span(text, offset, offset + length);
    if (piece.type === 'link')
      for (const child of piece.children) child.position = span(text, offset, offset + length);
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

function span(text: string, start: number, end: number): { start: Point; end: Point } {
  return { start: point(text, start), end: point(text, end) };
}

function point(text: string, offset: number): Point {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1))
    line += 1;
  return { line, column: offset - lineStart + 1, offset };
}
