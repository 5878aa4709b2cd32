import escapeStringRegexp from 'escape-string-regexp';
import type { Html, Link, Nodes } from 'mdast';
import { nodeRange } from '../node-range.js';
import type { PlaceName } from './types.js';

// An address that shows one branch, tag or commit of a repository: `…/tree/develop`, `…/-/tree/next`
// (GitLab), `…/src/branch/main` (Codeberg), `…/releases/tag/v2`, `…/commits/develop`.
const refAddress =
  /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)\/[\w.-]+\/[\w.-]+\/(?:-\/)?(?:tree|blob|commits?|releases\/tag|src(?:\/branch)?)\/([\w.-]+)(?:[/?#]|$)/iu;

/**
 * Whether a link's text, one word, names the branch or tag it points to: the ref of its repository
 * address (`[Develop](…/tree/develop)`), or a word its title calls a branch and its address spells
 * (`<a href="https://next.git.mermaid.live/" title="… from the next branch.">Next</a>`).
 */
export function namesBranch(url: string, title: string, text: string): boolean {
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(text)) return false;
  const lower = text.toLowerCase();
  if (refAddress.exec(url)?.[1]?.toLowerCase() === lower) return true;
  const [, host = '', path = ''] = /^https?:\/\/([^/?#]+)([^?#]*)/iu.exec(url) ?? [];
  const spelled = [...host.toLowerCase().split('.'), ...path.toLowerCase().split('/')].includes(lower);
  // The title is searched only for a word the address spells: a pattern per link of a table of
  // 1,800 links cost a second.
  if (!spelled || !/branch/iu.test(title)) return false;
  const word = escapeStringRegexp(lower);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${word} branch|branch ${word})(?![\\p{L}\\p{N}])`, 'iu').test(
    title,
  );
}

/** An attribute's value in an HTML start tag. */
function attribute(tag: string, name: string): string {
  return new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'iu').exec(tag)?.[1] ?? '';
}

/** Places the text of an HTML link that names its branch: `<a href="…" title="…">Develop</a>`. */
function placeHtmlLink(tag: string, text: string, start: number, placed: PlacedBranches): void {
  const trimmed = text.trim();
  if (!namesBranch(attribute(tag, 'href'), attribute(tag, 'title'), trimmed)) return;
  const at = start + text.indexOf(trimmed);
  placed.place({ start: at, end: at + trimmed.length }, 'branch named by its link');
  placed.branches.add(trimmed);
}

/** Where branch names are placed, and the set of them as written. */
interface PlacedBranches {
  readonly place: PlaceName;
  readonly branches: Set<string>;
}

/**
 * A link whose text names the branch or tag it points to (see `namesBranch`) keeps its text there
 * only: `Develop`, `Next` elsewhere are ordinary words. Markdown links, HTML blocks, and HTML links
 * inside a paragraph. Adds each text placed to `branches`.
 */
export function placeBranchLinks(node: Nodes, place: PlaceName, branches: Set<string>): void {
  const placed = { place, branches };
  if (node.type === 'link') placeMarkdownLink(node, placed);
  if (node.type === 'html') {
    const start = nodeRange(node).start;
    for (const match of node.value.matchAll(/(<a\s[^>]*>)([^<]*)<\/a>/giu))
      placeHtmlLink(
        match[1] as string,
        match[2] as string,
        start + match.index + (match[1] as string).length,
        placed,
      );
  }
  if ('children' in node)
    for (const [at, child] of node.children.entries()) {
      const text = node.children[at + 1];
      const end = node.children[at + 2];
      if (isTag(child, /^<a\s[^>]*>$/iu) && text?.type === 'text' && isTag(end, /^<\/a>$/iu))
        placeHtmlLink(child.value, text.value, nodeRange(text).start, placed);
    }
}

function placeMarkdownLink(node: Link, placed: PlacedBranches): void {
  const [text] = node.children;
  if (node.children.length !== 1 || text?.type !== 'text') return;
  if (text.value !== text.value.trim() || !namesBranch(node.url, node.title ?? '', text.value)) return;
  const { start, end } = nodeRange(text);
  placed.place({ start, end }, 'branch named by its link');
  placed.branches.add(text.value);
}

function isTag(node: Nodes | undefined, tag: RegExp): node is Html {
  return node?.type === 'html' && tag.test(node.value);
}
