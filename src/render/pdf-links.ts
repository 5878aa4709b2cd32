import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isLocalReference } from './local-resources.js';

/**
 * The body as printed: a PDF has no folder around it, so a relative link (another language's
 * page, a file of the repository) becomes absolute against the published site, or, without a site
 * URL, plain text rather than a link to nowhere. `#fragment` links stay: they jump inside the PDF.
 * Every `<details>` is opened: paper cannot be clicked to unfold it.
 */
export function pdfLinks(tree: Root, pageUrl: string | undefined): Root {
  const copy = structuredClone(tree);
  visit(copy, 'element', (node: Element) => {
    if (node.tagName === 'details') node.properties = { ...node.properties, open: true };
    const href = node.properties['href'];
    if (node.tagName !== 'a' || typeof href !== 'string' || !isLocalReference(href)) return;
    const { href: _dropped, ...rest } = node.properties;
    node.properties = pageUrl === undefined ? rest : { ...rest, href: new URL(href, pageUrl).href };
  });
  return copy;
}
