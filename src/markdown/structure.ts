import type { Nodes } from 'mdast';
import { parseMarkdown } from './parse.js';
import { walkTree } from './walk-tree.js';

/**
 * Prose in which no Markdown construct can start once it follows a word on one line: none of the
 * characters that open one (emphasis, code, links, HTML, escapes, references, tables, math,
 * strikethrough, e-mail autolinks), no line break or other control character, and none of the
 * starts of a bare link (`www.`, `://`). Its shape is that of any plain text, without parsing.
 */
const inert = /^[^\p{Cc}\u2028\u2029*_`[\]<>!#|~$&\\@^]*$/u;
const bareLink = /www\.|:\/\//i;

/**
 * The shape of a piece of prose as Markdown reads it: the types of its nodes in order, text left out.
 * It is read after a word (`x `), as a paragraph continues, so a leading `1986.` is not a list.
 */
export function markdownShape(markdown: string): string {
  if (inert.test(markdown) && !bareLink.test(markdown)) return 'paragraph';
  return parsedShape(markdown);
}

/** `markdownShape` by the parser, always. */
export function parsedShape(markdown: string): string {
  const types: string[] = [];
  walkTree<Nodes>(parseMarkdown(`x ${markdown}`), (node) => {
    if (node.type !== 'root' && node.type !== 'text') types.push(node.type);
  });
  return types.join(' ');
}
