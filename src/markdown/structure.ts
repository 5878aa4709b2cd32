import type { Nodes } from 'mdast';
import { parseMarkdown } from './parse.js';

/**
 * Prose in which no Markdown construct can start once it follows a word on one line: none of the
 * characters that open one (emphasis, code, links, HTML, escapes, references, tables, math,
 * strikethrough, e-mail autolinks), no line break or other control character, and none of the
 * starts of a bare link (`www.`, `://`). Its shape is that of any plain text, without parsing.
 */
const inert = /^[^\p{Cc}\u2028\u2029*_`[\]<>!#|~$&\\@^]*$/u;
const bareLink = /www\.|:\/\//i;

/**
 * The shape of a piece of prose as Markdown reads it: its nodes, text left out, each with its parent
 * and depth, in sorted order: an engine may reorder a sentence's links and code (`the <x/> method in
 * <g>…</g>` → `<g>…</g> … <x/>`), which keeps the structure, while a node gained, lost or moved into
 * another changes the shape. It is read after a word (`x `), as a paragraph continues, so a leading
 * `1986.` is not a list.
 */
export function markdownShape(markdown: string): string {
  if (inert.test(markdown) && !bareLink.test(markdown)) return 'paragraph';
  return parsedShape(markdown);
}

/** `markdownShape` by the parser, always. */
export function parsedShape(markdown: string): string {
  const entries: string[] = [];
  const stack: Array<{ node: Nodes; parent: string; depth: number }> = [];
  const root = parseMarkdown(`x ${markdown}`);
  for (const child of root.children) stack.push({ node: child, parent: 'root', depth: 1 });
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, parent, depth } = item;
    if (node.type === 'text') continue;
    entries.push(depth === 1 ? node.type : `${depth} ${parent}>${node.type}`);
    if ('children' in node)
      for (const child of node.children as Nodes[])
        stack.push({ node: child, parent: node.type, depth: depth + 1 });
  }
  return entries.sort().join(' ');
}
