import type { Image, ImageReference, Link, LinkReference, Paragraph } from 'mdast';
import { isEnglishWord } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';
import { nodeRange } from '../node-range.js';
import type { AddName, PlaceName } from './types.js';

/**
 * `![Next][Next.js]`: a badge whose alt text starts its reference's label, a known name, is that
 * name's badge; kept there only (`Next` elsewhere is the ordinary word). Whether it is one.
 */
export function placeBadge(node: ImageReference, place: PlaceName): boolean {
  if (
    node.alt &&
    /^\p{L}+$/u.test(node.alt) &&
    node.label !== undefined &&
    node.label !== null &&
    node.label.startsWith(node.alt) &&
    /^[^\p{L}\p{N}\s]/u.test(node.label.slice(node.alt.length)) &&
    namesLexicon().sourceOf(node.label) !== undefined
  ) {
    const start = nodeRange(node).start + 2;
    place({ start, end: start + node.alt.length }, 'badge of a known name');
    return true;
  }
  return false;
}

/**
 * Keeps an image's alt text that is a file name or a known name; otherwise returns it as a
 * paragraph of prose, which the other passes read.
 */
export function readAltText(node: Image | ImageReference, add: AddName): Paragraph | undefined {
  if (!node.alt) return undefined;
  const source = namesLexicon().sourceOf(node.alt);
  // `![swarm-nodes](images/swarm-nodes.png)`: a file name written as alt text, not prose.
  if (/^[\p{Ll}\p{N}]+(?:[-_][\p{Ll}\p{N}]+)+$/u.test(node.alt)) add(node.alt, 'file name as alt text');
  // `![React][React.js]`: an image whose alt text is a brand is its logo or badge.
  else if (source !== undefined)
    add(node.alt, source === 'linguist' ? 'known name (linguist)' : 'known name (simple-icons)');
  else return { type: 'paragraph', children: [{ type: 'text', value: node.alt }] };
  return undefined;
}

/**
 * `[![Windows Build](…?label=windows)](…)`: a badge (an image that is all of a link) whose short alt
 * text opens with a known brand that is also a dictionary word, a word of the image's or the link's
 * address too, names that brand there, and there only (not `Files changed`).
 */
export function placeBadgeBrand(link: Link | LinkReference, place: PlaceName): void {
  const image = link.children.length === 1 ? link.children[0] : undefined;
  if (image?.type !== 'image' && image?.type !== 'imageReference') return;
  const alt = image.alt ?? '';
  const first = /^(\p{Lu}\p{Ll}+) [\p{L}\p{N}]/u.exec(alt)?.[1];
  if (
    first === undefined ||
    !/^[\p{L}\p{N} ]+$/u.test(alt) ||
    alt.split(' ').length > 4 ||
    namesLexicon().sourceOf(first) === undefined ||
    !isEnglishWord(first.toLowerCase())
  )
    return;
  const url = `${image.type === 'image' ? image.url : ''} ${link.type === 'link' ? link.url : ''}`;
  if (
    !url
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .includes(first.toLowerCase())
  )
    return;
  const start = nodeRange(image).start + 2;
  place({ start, end: start + first.length }, 'badge of a known name');
}
