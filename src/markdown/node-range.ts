import type { Node } from 'unist';
import type { Range } from './unit.js';

/** The source range of a node; every node of a parsed document has one. */
export function nodeRange(node: Node): Range {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined)
    throw new Error(`${node.type} node without a source position`);
  return { start, end };
}

/** The range from a parent's first child to its last child: the content of a heading or a cell. */
export function childrenRange(children: readonly Node[]): Range | undefined {
  const first = children[0];
  const last = children.at(-1);
  if (!first || !last) return undefined;
  return { start: nodeRange(first).start, end: nodeRange(last).end };
}
