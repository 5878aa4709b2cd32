import type { Nodes } from 'mdast';

/**
 * Calls `visit` on every node under `root` (itself included) in document order, with an explicit
 * stack: a document nested 10,000 levels deep is walked like a flat one.
 */
export function eachNode(root: Nodes, visit: (node: Nodes) => void): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    visit(node);
    if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--)
        stack.push(node.children[index] as Nodes);
    }
  }
}

/** What `plainText` writes for code, an image or a link to a heading: no letter, no sentence end. */
export const codeMark = '\uFFFC';

/**
 * The text of a node, with code, images and links to headings as `codeMark` between spaces (so they
 * neither end a sentence, nor glue two words, nor count as a word) and inline HTML as a space,
 * without recursion.
 */
export function plainText(root: Nodes): string {
  let out = '';
  const skipped = new Set<Nodes>();
  eachNode(root, (node) => {
    // `See [Usage](#usage)` names a heading, not a product: its words say nothing about capitals.
    if (node.type === 'link' && node.url.startsWith('#') && node !== root) {
      out += ` ${codeMark} `;
      for (const child of node.children) skipped.add(child);
      return;
    }
    if (skipped.has(node)) {
      if ('children' in node) for (const child of node.children) skipped.add(child);
      return;
    }
    if (node.type === 'text') out += node.value;
    else if (node.type === 'inlineCode' || node.type === 'image') out += ` ${codeMark} `;
    else if (node.type === 'html') out += ' ';
    else if (node.type === 'break') out += '\n';
  });
  return out;
}
