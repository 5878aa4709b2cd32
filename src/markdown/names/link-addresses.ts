import type { Link } from 'mdast';
import { addressWords } from '../link-names.js';
import { plainText } from '../tree-walk.js';
import { isEnglishWord } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';
import { englishLike } from './english-like.js';
import { namesLinkedPage } from './linked-pages.js';
import { isTitleCase } from './title-words.js';
import { sentences, type Token } from './tokens.js';
import { childrenRange } from '../node-range.js';
import type { AddName, NameReason, PlaceName } from './types.js';

/**
 * What the links of a document say about its words. A site named by a word that starts its name is
 * named in any case; otherwise as the link writes it.
 */
export interface LinkAddresses {
  /**
   * Sites the document links to by name (`katacontainers` of katacontainers.io), with the link texts
   * that name them, or `any` where a lower-case link text starts the site's name.
   */
  readonly sites: Map<string, readonly string[] | 'any'>;
  /** Words of link texts that their own address spells (`grub` of `[GNU Grub Bootloader](…/software/grub/)`), with the texts. */
  readonly spelledByAddress: Map<string, string[]>;
  /** Words of link texts that their own site's name spells, with the texts. */
  readonly namedBySite: Map<string, string[]>;
  /** Lower-case link texts that start their site's name (`[kata](https://katacontainers.io/)`), which are names too. */
  readonly lowerNames: Set<string>;
  /** Link texts in title case (`Integrations and Usages of Mermaid`), by each of their words. */
  readonly titles: Map<string, string[]>;
  /** Link texts that name the branch they point to (`Develop` of `[Develop](…/tree/develop)`), kept there only. */
  readonly branches: Set<string>;
}

export function linkAddresses(): LinkAddresses {
  return {
    sites: new Map(),
    spelledByAddress: new Map(),
    namedBySite: new Map(),
    lowerNames: new Set(),
    titles: new Map(),
    branches: new Set(),
  };
}

/** Reads what a link's text and address say: a path, a linked page, a site named, words spelled. */
export function readLink(
  node: Link,
  links: LinkAddresses,
  found: { readonly add: AddName; readonly place: PlaceName },
  english: boolean,
): void {
  const { sites, spelledByAddress, namedBySite, lowerNames } = links;
  const { add } = found;
  // `[configs/network](configs/network/)`: a path, whatever its words mean.
  const text = plainText(node).trim();
  // A linked name that is one English word (`[request](…/request/request)`, `[node](http://nodejs.org/)`)
  // is kept in its link only: elsewhere `a request`, `a text node` are the words.
  const range = childrenRange(node.children);
  const addLinked = (reason: NameReason) => {
    // (An HTML link's text has no place in the tree: there, the word is kept nowhere.)
    if (english && /^\p{Ll}+$/u.test(text) && isEnglishWord(text)) {
      if (range !== undefined) found.place(range, reason);
    } else add(text, reason);
  };
  if (english) addTitle(text, links.titles);
  if (/^[\w.~-]+(?:\/[\w.-]+)+\/?$/u.test(text)) add(text, 'path in link text');
  else if (namesLinkedPage(node.url, text)) addLinked('linked profile or repository');
  const address = addressWords(node.url);
  const words = [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match[0]);
  // A folder spells a name where it spells one word of the text: a slug (`/best-practices/`,
  // `/network/drivers`) spells the title, names or not.
  const inFolders = new Set(words.filter((word) => address.folders.has(word)));
  for (const word of words) {
    const bySite = address.site.has(word);
    if (bySite || (inFolders.size === 1 && inFolders.has(word)))
      spelledByAddress.set(word, [...(spelledByAddress.get(word) ?? []), text]);
    if (bySite) namedBySite.set(word, [...(namedBySite.get(word) ?? []), text]);
  }
  // A site is named by the text of a link to it: `[Distro Watch](https://distrowatch.com/)`, or
  // `[kata](https://katacontainers.io/)`, a word that starts its name.
  const site = address.name;
  // `[Quillo's Margin Notes](https://margin.quillo.example/)`: a word of no dictionary that is
  // its link's site is a name.
  for (const match of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/gu))
    if (address.site.has(match[0].toLowerCase()) && english && !englishLike(match[0].toLowerCase()))
      add(match[0], 'named by a link address');
  // `[Download Images osboxes](https://www.osboxes.org/)`: a word written in lower case that is its link's
  // site's whole name, no dictionary word nor derived from one (a compound too), names that site.
  if (english && words.length > 1)
    for (const match of text.matchAll(/(?<![\p{L}\p{N}_.-])\p{Ll}{3,}(?![\p{L}\p{N}_.-])/gu))
      if (match[0] === site && !englishLike(match[0], false)) add(match[0], 'named by a link address');
  // `[Explainshell](https://explainshell.com/)`, `[Unik](…/solo-io/unik/…)`, `[crun](…/introduction-crun)`:
  // one word of no dictionary that its link's site or one of its folders spells names what it links
  // to. A site's name may join two words (`Testcontainers`); a folder's may not (`/quickstart/`).
  // Capitals and known brands are kept already, for what they are.
  const lower = text.toLowerCase();
  if (
    english &&
    /^\p{L}\p{Ll}[\p{Ll}\p{N}]+$/u.test(text) &&
    !(namesLexicon().sourceOf(text) !== undefined && !isEnglishWord(lower)) &&
    ((address.site.has(lower) && !isEnglishWord(lower)) ||
      (address.folders.has(lower) && !englishLike(lower)) ||
      // `[Bugzila](https://bugzilla.kernel.org/)`: a name of its host, one letter off.
      (lower.length >= 5 &&
        hostLabels(node.url).some((label) => oneLetterOff(lower, label)) &&
        !isEnglishWord(lower)))
  )
    add(text, 'named by a link address');
  if (site !== undefined && text.toLowerCase().replace(/[\s-]+/gu, '') === site.replace(/-/gu, ''))
    sites.set(site, [...(sites.get(site) ?? []), text]);
  if (site !== undefined && /^\p{Ll}{3,}$/u.test(text) && site.startsWith(text) && site !== text) {
    sites.set(site, 'any');
    lowerNames.add(text);
    addLinked('named by a link address');
  }
}

/** The labels of an address's host name, lower case (`bugzilla`, `kernel`, `org` of bugzilla.kernel.org). */
function hostLabels(url: string): string[] {
  return (/^https?:\/\/([^/?#:]+)/iu.exec(url)?.[1] ?? '').toLowerCase().split('.');
}

/** Whether two words differ by one letter added, dropped or changed (`bugzila`, `bugzilla`). */
export function oneLetterOff(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  const rest = (from: string, skip: number) => from.slice(start + skip);
  return rest(a, 1) === rest(b, 1) || rest(a, 1) === rest(b, 0) || rest(a, 0) === rest(b, 1);
}

/**
 * Two to four words from `tokens[index]`, one space apart, that spell a site the document links to
 * as a link names it (`Kata containers` → katacontainers.io, linked as `[kata](…)`; `Distro Watch`
 * → distrowatch.com, linked as `[Distro Watch](…)`; not `Zen quotes` where the link says `Zen Quotes`).
 */
export function siteSpelled(
  text: string,
  tokens: readonly Token[],
  index: number,
  sites: ReadonlyMap<string, readonly string[] | 'any'>,
): string | undefined {
  let found: string | undefined;
  for (let count = 2; count <= 4 && index + count <= tokens.length; count++) {
    const words = tokens.slice(index, index + count);
    const last = words.at(-1) as Token;
    if (text.slice(words.at(-2)?.end, last.start) !== ' ') break;
    const phrase = text.slice(words[0]?.start, last.end);
    const lower = words.map((token) => token.word.toLowerCase());
    const named = sites.get(lower.join('')) ?? sites.get(lower.join('-'));
    if (named === 'any' || named?.includes(phrase)) found = phrase;
  }
  return found;
}

/**
 * `[Integrations and Usages of Mermaid](…)`, `[Beginner's Guide](…)`: a link text in title case is a
 * title, whose capitals say nothing, in the middle of a sentence too.
 */
function addTitle(text: string, titles: Map<string, string[]>): void {
  const tokens = sentences(text).flat();
  if (!isTitleCase(tokens)) return;
  for (const token of tokens) titles.set(token.word, [...(titles.get(token.word) ?? []), text]);
}

/** Whether a word of a sentence is a word of a link text in title case (see `addTitle`). */
export function inTitledLink(text: string, token: Token, links: LinkAddresses): boolean {
  return (links.titles.get(token.word) ?? []).some((title) => {
    const at = text.indexOf(title, Math.max(0, token.end - title.length));
    return at !== -1 && at <= token.start;
  });
}
