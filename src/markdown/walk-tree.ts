import type { Node } from 'unist';

/** What a visitor returns to leave the children of the node it was given unvisited. */
export const skipChildren = 'skip';

/**
 * Calls `visitor` on every node of a tree in document order (parents before their children), with
 * a stack of its own rather than recursion: a tree is as deep as its input nests (blockquotes,
 * lists, emphasis thousands deep), and the call stack is not.
 */
export function walkTree<N extends Node>(root: N, visitor: (node: N) => void | typeof skipChildren): void {
  const stack: N[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (visitor(node) === skipChildren) continue;
    const children = (node as { children?: readonly N[] }).children;
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as N);
  }
}
