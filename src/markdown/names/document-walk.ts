import type { Html, Link, Nodes, Paragraph, Root } from 'mdast';
import { nodeRange } from '../node-range.js';
import { plainText, eachNode } from '../tree-walk.js';
import type { FoundNames } from './found-names.js';
import { addBrandLinks } from './brand-links.js';
import { placeBranchLinks } from './branch-links.js';
import { placeBadge, placeBadgeBrand, readAltText } from './images.js';
import { linkAddresses, readLink, type LinkAddresses } from './link-addresses.js';
import { addHtmlLinkNames, namesLinkedPage } from './linked-pages.js';
import { addLinkedRowNames } from './linked-rows.js';
import { addNameColumn } from './name-column.js';

/** The blocks of prose a document writes, and what its links say. */
export interface DocumentProse {
  /** Paragraphs, headings, table cells and alt texts that are prose, in document order. */
  readonly blocks: readonly Nodes[];
  readonly links: LinkAddresses;
}

/**
 * Walks the document once, in order: keeps the names its links, images, HTML links and tables
 * show, and gathers the blocks of prose the other passes read.
 */
export function readDocument(tree: Root, found: FoundNames, english: boolean): DocumentProse {
  const { add, place } = found;
  const definitions = new Map<string, string>();
  eachNode(tree, (node) => {
    if (node.type === 'definition' && !definitions.has(node.identifier))
      definitions.set(node.identifier, node.url);
  });
  const blocks: Nodes[] = [];
  const links = linkAddresses();
  eachNode(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      blocks.push(node);
      if (english) addBrandLinks(node, found);
    }
    // `[socks-proxy-agent][]`, defined as `…/node-socks-proxy-agent`: a reference names its page too.
    if (node.type === 'linkReference' && node.children.length > 0) {
      const url = definitions.get(node.identifier);
      const text = plainText(node).trim();
      if (url !== undefined && namesLinkedPage(url, text)) add(text, 'linked profile or repository');
    }
    if (node.type === 'link' && node.children.length > 0) readLink(node, links, found, english);
    if ((node.type === 'link' || node.type === 'linkReference') && english) placeBadgeBrand(node, place);
    placeBranchLinks(node, place, links.branches);
    if (node.type === 'imageReference' && placeBadge(node, place)) return;
    if (node.type === 'html') {
      addHtmlLinkNames(node.value, add);
      // `<a href="https://skynet-8.gitbook.io/…">Gitbook</a>`: an HTML link's one word is read as a
      // Markdown link's is. (Longer texts stay out: a sponsor `Boost Note` would make `Note` a name.)
      for (const link of htmlLinks(node)) {
        const block: Paragraph = { type: 'paragraph', children: [link] };
        blocks.push(block);
        if (english) addBrandLinks(block, found);
        readLink(link, links, found, english);
      }
    }
    if (node.type === 'image' || node.type === 'imageReference') {
      const alt = readAltText(node, add);
      if (alt !== undefined) blocks.push(alt);
    }
    if (node.type === 'table') {
      addNameColumn(node, add, place, english);
      if (english) addLinkedRowNames(node, add);
    }
  });
  return { blocks, links };
}

/**
 * The links of an HTML block to other sites whose text is one word, as Markdown links, with their
 * text's place in the source.
 */
function htmlLinks(node: Html): Link[] {
  const out: Link[] = [];
  const offset = nodeRange(node).start;
  for (const match of node.value.matchAll(/(<a\s[^>]*?href="(https?:\/\/[^"]*)"[^>]*>)([^<>\n]*)<\/a>/giu)) {
    const [, open = '', url = '', inner = ''] = match;
    const text = inner.trim();
    if (!/^[\p{L}\p{N}]+$/u.test(text)) continue;
    const start = offset + match.index + open.length + inner.indexOf(text);
    const point = (at: number) => ({ line: 0, column: 0, offset: at });
    const position = { start: point(start), end: point(start + text.length) };
    out.push({ type: 'link', url, children: [{ type: 'text', value: text, position }], position });
  }
  return out;
}
