import GithubSlugger from 'github-slugger';
import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** A heading's text as GitHub makes its anchor from it: text and code, not HTML or images. */
function headingText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return '';
  return 'children' in node ? node.children.map((child) => headingText(child)).join('') : '';
}

/** The anchor of every heading in document order, duplicates numbered `-1`, `-2` as on GitHub. */
export function headingSlugs(tree: Root): string[] {
  const slugger = new GithubSlugger();
  const slugs: string[] = [];
  visit(tree, 'heading', (heading) => {
    slugs.push(slugger.slug(headingText(heading)));
  });
  return slugs;
}

const anchorAttribute = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** Anchors the document sets itself: `<a id="readme-top">`, `<a name="…">`. */
export function explicitAnchors(tree: Root): Set<string> {
  const anchors = new Set<string>();
  visit(tree, 'html', (node) => {
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
