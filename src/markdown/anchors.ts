import GithubSlugger from 'github-slugger';
import type { Heading, Nodes, Root } from 'mdast';
import { skipChildren, walkTree } from './walk-tree.js';

/** A heading's text as GitHub makes its anchor from it: text and code, not HTML or images. */
export function headingText(heading: Heading): string {
  let text = '';
  walkTree<Nodes>(heading, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    else if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference')
      return skipChildren;
    return undefined;
  });
  return text;
}

/** The anchor of every heading in document order, duplicates numbered `-1`, `-2` as on GitHub. */
export function headingSlugs(tree: Root): string[] {
  return slugsOf(headings(tree).map(headingText));
}

/** Every heading of a tree, in document order. */
export function headings(tree: Root): Heading[] {
  const found: Heading[] = [];
  walkTree<Nodes>(tree, (node) => {
    if (node.type !== 'heading') return undefined;
    found.push(node);
    return skipChildren;
  });
  return found;
}

/** The anchors of headings with these texts, in this order. */
export function slugsOf(texts: readonly string[]): string[] {
  const slugger = new GithubSlugger();
  return texts.map((text) => slugger.slug(text));
}

const anchorAttribute = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** Anchors the document sets itself: `<a id="readme-top">`, `<a name="…">`. */
export function explicitAnchors(tree: Root): Set<string> {
  const anchors = new Set<string>();
  walkTree<Nodes>(tree, (node) => {
    if (node.type !== 'html') return;
    for (const match of node.value.matchAll(anchorAttribute)) anchors.add(match[1] ?? match[2] ?? '');
  });
  return anchors;
}

/** Decodes a `#fragment` as a browser compares it with an anchor. */
export function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
