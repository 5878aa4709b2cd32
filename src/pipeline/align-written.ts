import { longestIncreasing, matchShown, type OutputBlock } from './align-blocks.js';

/**
 * Reads an output back by its own layout: the blocks the tool wrote there last time, in order (see
 * `writtenLayout`). Whatever the source did since, a block a person edited sits where the tool
 * wrote its unit, between blocks that still show what was written.
 */

/** One block of an output as the tool last wrote it. */
export interface WrittenBlock {
  /** The unit it showed (its source, the memory's key). */
  readonly source: string;
  /** Fingerprints of what it showed. */
  readonly keys: readonly string[];
  /** The line of the source where its unit stood (`#: README.md:12`). */
  readonly line?: number;
}

/**
 * Pairs edited output blocks with the written blocks they replace: blocks that show what was
 * written anchor (the longest run in the same order); between two anchors, the edited blocks pair
 * in order with the written blocks not shown, when there are as many. Returns `[written index,
 * output index]` pairs; an edit left out (a block added or split by hand) is `alignBlocks`'s to place.
 */
export function alignWritten(
  written: readonly WrittenBlock[],
  output: readonly OutputBlock[],
): Array<readonly [number, number]> {
  if (written.length === 0) return [];
  // Any kind: the layout pairs a block with what was written there, whatever its kind now.
  const matched = matchShown(
    written.map((block) => ({ kind: '', keys: block.keys })),
    output.map((block) => ({ kind: '', keys: block.keys })),
  );
  const shown = new Set(matched.values());
  const ordered = [...matched].sort((a, b) => a[0] - b[0]);
  const anchors = longestIncreasing(ordered);
  const bounds: Array<readonly [number, number]> = [[-1, -1], ...anchors, [output.length, written.length]];
  const pairs: Array<readonly [number, number]> = [];
  for (let at = 1; at < bounds.length; at++) {
    const [fromJ, fromK] = bounds[at - 1] as readonly [number, number];
    const [toJ, toK] = bounds[at] as readonly [number, number];
    const edited: number[] = [];
    for (let j = fromJ + 1; j < toJ; j++) {
      if (!matched.has(j) && !(output[j] as OutputBlock).known) edited.push(j);
    }
    if (edited.length === 0) continue;
    const replaced: number[] = [];
    for (let k = fromK + 1; k < toK; k++) if (!shown.has(k)) replaced.push(k);
    if (replaced.length !== edited.length) continue;
    edited.forEach((j, index) => pairs.push([replaced[index] as number, j]));
  }
  return pairs;
}
