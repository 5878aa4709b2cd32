import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { OutlineEntry } from './pdf-update.js';

/** The headings that have an id, in document order, as bookmarks. */
export function headingOutline(tree: Root): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  visit(tree, 'element', (node: Element) => {
    const level = /^h([1-6])$/.exec(node.tagName)?.[1];
    const id = node.properties['id'];
    if (level === undefined || typeof id !== 'string' || id === '') return;
    const title = toString(node).replace(/\s+/g, ' ').trim();
    if (title !== '') entries.push({ title, level: Number(level), target: id });
  });
  return entries;
}

/**
 * Chrome writes a named destination into the PDF only for an element some link points at. A
 * hidden list of links to every heading makes one for each (and no link annotation, since it is
 * not drawn), so the outline can jump to any heading.
 */
export function withHeadingLinks(tree: Root, entries: readonly OutlineEntry[]): Root {
  if (entries.length === 0) return tree;
  const links: Element = {
    type: 'element',
    tagName: 'nav',
    properties: { hidden: true, className: ['readme-i18n-outline-targets'] },
    children: entries.map((entry) => ({
      type: 'element',
      tagName: 'a',
      properties: { href: `#${entry.target}` },
      children: [],
    })),
  };
  return { ...tree, children: [...tree.children, links] };
}
