import type { Image, ImageReference, Paragraph } from 'mdast';
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
