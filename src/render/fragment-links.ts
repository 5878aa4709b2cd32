import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const clobberPrefix = 'user-content-';

/**
 * Sanitising prefixes every raw `id` and `name` with `user-content-` (as GitHub does), and GitHub
 * then repairs `#top` links with script. Pages here run no script, so the repair happens now:
 * `<a name>` also becomes an `id` (what PDF destinations need), and a `#fragment` link that only
 * matches a prefixed id, or an id in lower case (`#makeRe` for the heading `.makeRe`, whose slug is
 * `makere`: GitHub's script finds it so), is pointed at it.
 */
export function rehypeFragmentLinks() {
  return (tree: Root): undefined => {
    const ids = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      const { id, name } = node.properties;
      if (node.tagName === 'a' && typeof name === 'string' && id === undefined) {
        node.properties = { ...node.properties, id: name };
      }
      if (typeof node.properties['id'] === 'string') ids.add(node.properties['id']);
    });
    visit(tree, 'element', (node: Element) => {
      const href = node.properties['href'];
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      const fragment = safeDecode(href.slice(1));
      if (ids.has(fragment)) return;
      const lower = fragment.toLowerCase();
      for (const candidate of [clobberPrefix + fragment, lower, clobberPrefix + lower]) {
        if (ids.has(candidate)) {
          node.properties = { ...node.properties, href: `#${candidate}` };
          return;
        }
      }
    });
    return undefined;
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
