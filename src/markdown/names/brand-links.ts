import type { Link, Nodes } from 'mdast';
import { isEnglishWord } from '../english-words.js';
import { addressWords } from '../link-names.js';
import { namesLexicon } from '../names-lexicon.js';
import { childrenRange, nodeRange } from '../node-range.js';
import { plainText } from '../tree-walk.js';
import { englishLike } from './english-like.js';
import type { FoundNames } from './found-names.js';

/** The links a block holds, outside other links, in order (through emphasis and the like). */
function linksOf(block: Nodes): Link[] {
  const links: Link[] = [];
  const stack: Nodes[] = 'children' in block ? [...block.children].reverse() : [];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'link') links.push(node);
    else if ('children' in node) for (const child of [...node.children].reverse()) stack.push(child);
  }
  return links;
}

/** A link's text when it is one word, or undefined. */
function oneWord(link: Link): string | undefined {
  const text = plainText(link).trim();
  return /^[\p{L}\p{N}]+$/u.test(text) ? text : undefined;
}

/** Whether an address spells a word: its site's name starts with it (`bun.sh`, `gruntjs.com`), or a folder is it. */
function addressSpells(url: string, word: string): boolean {
  const lower = word.toLowerCase();
  const address = addressWords(url);
  if (address.name?.startsWith(lower)) return true;
  const path = /^https?:\/\/[^/?#]+([^?#]*)/iu.exec(url)?.[1] ?? '';
  return path
    .toLowerCase()
    .split('/')
    .some((folder) => folder === lower);
}

/**
 * Whether a link's one word is the name of the site it points to: its site's name (`x` of x.com), or
 * a label of its host that joins the word to another by a hyphen (`skim-app.sourceforge.io`,
 * `learn-x.org`; not `docs` of docs.example.com, a site's part), where `joined`: a known brand so
 * linked is kept as a brand the address spells (`[Ruby](https://www.ruby-lang.org/)`).
 */
function namesSite(url: string, lower: string, joined: boolean): boolean {
  if (addressWords(url).name === lower) return true;
  if (!joined) return false;
  const host = /^https?:\/\/([^/?#:]+)/iu.exec(url)?.[1]?.toLowerCase() ?? '';
  return host.split('.').some((label) => label.startsWith(`${lower}-`));
}

/**
 * A known brand that is a dictionary word, in a longer link text to its own site, names the site
 * there: `Twitter` of `[Twitter Profile](https://twitter.com/jonschlinkert)` (the rest is translated).
 */
function placeSiteBrands(link: Link, found: FoundNames): void {
  const [first] = link.children;
  const site = addressWords(link.url).name;
  if (first?.type !== 'text' || site === undefined) return;
  const start = nodeRange(first).start;
  // The source may escape or encode what the text node holds: only a text written as it reads.
  if (first.position?.end.offset !== start + first.value.length) return;
  for (const match of first.value.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]+(?![\p{L}\p{N}])/gu))
    if (
      match[0].toLowerCase() === site &&
      !found.names.has(match[0]) &&
      namesLexicon().sourceOf(match[0]) !== undefined &&
      isEnglishWord(site)
    )
      found.place(
        { start: start + match.index, end: start + match.index + match[0].length },
        'known name in a link',
      );
}

/**
 * Keeps what the links of one block (a paragraph, a list item's paragraph, a table cell) name by
 * themselves:
 * - a link whose one word is the name of the site it points to (`[X](https://x.com/eslint)`,
 *   `[Slack](https://openjs-foundation.slack.com/…)`, `[Skim](https://skim-app.sourceforge.io/)`): a brand or a word of no dictionary wherever
 *   the document writes it, a dictionary word (or one letter) at that link only;
 * - a known brand that is a dictionary word, alone in a link to another site that spells it
 *   (`[Bun](https://bun.sh/)`, `[Ruby](https://www.ruby-lang.org/)`) or among three links or more
 *   one of which names something else (`[Discord](…) | [Mastodon](…) | [Bluesky](…)`). A link to a
 *   heading or a file of the project (`[Files](#files)`) says nothing.
 */
export function addBrandLinks(block: Nodes, found: FoundNames): void {
  const links = linksOf(block).filter((link) => /^https?:\/\//iu.test(link.url));
  if (links.length === 0) return;
  const lexicon = namesLexicon();
  const words = links.map(oneWord);
  const namesSomething = (text: string | undefined) =>
    text !== undefined && (lexicon.sourceOf(text) !== undefined || !englishLike(text.toLowerCase()));
  for (const [at, link] of links.entries()) {
    const word = words[at];
    if (word === undefined) placeSiteBrands(link, found);
    if (word === undefined || found.names.has(word)) continue;
    const brand = lexicon.sourceOf(word) !== undefined;
    const english = isEnglishWord(word.toLowerCase());
    // A brand of no dictionary word is kept as a known name wherever it stands.
    if (brand && !english) continue;
    if (namesSite(link.url, word.toLowerCase(), !brand)) {
      const range = childrenRange(link.children);
      if (brand || (word.length > 1 && !englishLike(word.toLowerCase())))
        found.add(word, 'named by a link address');
      else if (range !== undefined) found.place(range, 'named by a link address');
      continue;
    }
    if (!brand || !/^\p{Lu}/u.test(word)) continue;
    const amongNames =
      links.length >= 3 &&
      words.some((other, each) => each !== at && other !== word && namesSomething(other));
    if (addressSpells(link.url, word) || amongNames) found.add(word, 'known name in a link');
  }
}
