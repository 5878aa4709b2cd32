import type { TaggedToken } from '../tagged-text.js';
import { letterEnd, letterStart } from './apertium-symbols.js';

/**
 * Which `<x/>` tags are glued to a word (`big<x id="2"/>`, `<x id="3"/>house`),
 * so that they can travel with that word through Apertium instead of keeping their place. A run of
 * tags glued only on its left goes after the last word of the text before it; glued only on its
 * right, before the first word of the text after it. Tags with space, or a word, on both sides
 * stay positional, and so do tags glued to a mark or a symbol (`end.<x/>`, `»<x/>`), right beside it.
 */
export interface GluedTags {
  /** By index of a text token: the x ids to put after its last word, in order. */
  readonly after: ReadonlyMap<number, readonly number[]>;
  /** By index of a text token: the x ids to put before its first word, in order. */
  readonly before: ReadonlyMap<number, readonly number[]>;
  /** Every x id that travels with a word. */
  readonly attached: ReadonlySet<number>;
}

export function findGluedTags(tokens: readonly TaggedToken[]): GluedTags {
  const after = new Map<number, number[]>();
  const before = new Map<number, number[]>();
  const attached = new Set<number>();
  let index = 0;
  while (index < tokens.length) {
    if (tokens[index]?.type !== 'x') {
      index += 1;
      continue;
    }
    const ids: number[] = [];
    let end = index;
    for (let token = tokens[end]; token?.type === 'x'; token = tokens[end]) {
      ids.push(token.id);
      end += 1;
    }
    const previous = tokens[index - 1];
    const next = tokens[end];
    const left = previous?.type === 'text' && letterEnd.test(previous.text);
    const right = next?.type === 'text' && letterStart.test(next.text);
    // Glued on both sides the tags are all that parts two words (`The<x/>house`): as a
    // superblank they keep them apart; riding on one word they would glue the words together.
    if (left && !right) after.set(index - 1, ids);
    else if (right && !left) before.set(end, ids);
    else ids.length = 0;
    for (const id of ids) attached.add(id);
    index = end;
  }
  return { after, before, attached };
}
