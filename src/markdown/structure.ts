import type { Nodes } from 'mdast';
import { parseMarkdown } from './parse.js';
import { walkTree } from './walk-tree.js';

/**
 * The shape of a piece of prose as Markdown reads it: the types of its nodes in order, text left out.
 * It is read after a word (`x `), as a paragraph continues, so a leading `1986.` is not a list.
 */
export function markdownShape(markdown: string): string {
  const types: string[] = [];
  walkTree<Nodes>(parseMarkdown(`x ${markdown}`), (node) => {
    if (node.type !== 'root' && node.type !== 'text') types.push(node.type);
  });
  return types.join(' ');
}
