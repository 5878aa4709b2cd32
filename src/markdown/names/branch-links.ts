import escapeStringRegexp from 'escape-string-regexp';
import type { Html, Link, Nodes } from 'mdast';
import { Tokenizer, type TokenHandler } from 'parse5';
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

/** An `<a>` of raw HTML: its `href` and `title` as HTML reads them (any quoting, entities decoded). */
interface HtmlLink {
  readonly href: string;
  readonly title: string;
  /** Where its text starts and ends in the HTML; undefined when it holds more than text or is not closed there. */
  readonly text?: { readonly start: number; readonly end: number };
}

const ignored = (): void => undefined;

/** The `<a>` start tags of raw HTML, read by parse5's tokenizer, each with its text when that is all it holds. */
function htmlLinks(html: string): HtmlLink[] {
  const links: Array<{ href: string; title: string; text?: { start: number; end: number } }> = [];
  let open: (typeof links)[number] | undefined;
  let textStart = 0;
  const handler: TokenHandler = {
    onStartTag: (token) => {
      open = undefined; // markup inside a link: its text is not one word of prose
      if (token.tagName !== 'a' || !token.location) return;
      const value = (name: string) => token.attrs.find((attribute) => attribute.name === name)?.value ?? '';
      open = { href: value('href'), title: value('title') };
      links.push(open);
      textStart = token.location.endOffset;
    },
    onEndTag: (token) => {
      if (token.tagName === 'a' && open && token.location)
        open.text = { start: textStart, end: token.location.startOffset };
      open = undefined;
    },
    onComment: () => {
      open = undefined;
    },
    onDoctype: ignored,
    onEof: ignored,
    onCharacter: ignored,
    onNullCharacter: ignored,
    onWhitespaceCharacter: ignored,
  };
  new Tokenizer({ sourceCodeLocationInfo: true }, handler).write(html, true);
  return links;
}

/** Places the text of an HTML link that names its branch: `<a href='…' title=…>Develop</a>`. */
function placeHtmlLink(link: HtmlLink, text: string, start: number, placed: PlacedBranches): void {
  const trimmed = text.trim();
  if (!namesBranch(link.href, link.title, trimmed)) return;
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
  // Only HTML with a link is read: most is not.
  if (node.type === 'html' && /<a[\s>]/iu.test(node.value)) {
    const start = nodeRange(node).start;
    for (const link of htmlLinks(node.value))
      if (link.text)
        placeHtmlLink(
          link,
          node.value.slice(link.text.start, link.text.end),
          start + link.text.start,
          placed,
        );
  }
  if ('children' in node)
    for (const [at, child] of node.children.entries()) {
      const text = node.children[at + 1];
      const end = node.children[at + 2];
      if (!isTag(child, /^<a[\s>]/iu) || text?.type !== 'text' || !isTag(end, /^<\/a\s*>$/iu)) continue;
      const [link] = htmlLinks(child.value);
      if (link) placeHtmlLink(link, text.value, nodeRange(text).start, placed);
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
