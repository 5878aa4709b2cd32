import { distance } from 'fastest-levenshtein';

/**
 * Pairs the blocks of a translated file with the blocks of its source by content, not by counting:
 * the source may have gained, lost or moved blocks since the file was written. A block that shows
 * what the tool wrote for a source block matches it wherever it is; the blocks in between (edited
 * by hand) pair with the source blocks between the same neighbours.
 */

export interface SourceBlock {
  readonly kind: string;
  /** Fingerprints of the texts the tool may have written for it. */
  readonly keys: readonly string[];
  /** Whether an output block may be an edit of it (it was shown in the output before). */
  readonly pairable: boolean;
  /** The text the tool wrote for it, when known: an edit of a block that moved is placed by likeness. */
  readonly text?: string | undefined;
}

export interface OutputBlock {
  readonly kind: string;
  /** Fingerprints of its text (as read, and in the terms the memory keeps). */
  readonly keys: readonly string[];
  /** Its text is one the tool wrote for some unit, here or elsewhere (a deleted or moved block). */
  readonly known: boolean;
  /** Its text, in the terms of `SourceBlock.text`. */
  readonly text?: string | undefined;
}

export interface Alignment {
  /** Output blocks that show what the tool wrote for a source block: output index → source index. */
  readonly matched: ReadonlyMap<number, number>;
  /** Output blocks that differ from what the tool wrote, paired with their source block: [source, output]. */
  readonly paired: ReadonlyArray<readonly [number, number]>;
  /** Output blocks that differ from anything the tool wrote and pair with no source block. */
  readonly unplaced: readonly number[];
}

export function alignBlocks(
  source: readonly SourceBlock[],
  output: readonly OutputBlock[],
  /** Texts the tool wrote for units the source no longer has: an edit of one of them is no other's. */
  gone: ReadonlyArray<{ readonly text: string }> = [],
): Alignment {
  const matched = matchShown(source, output);
  const used = new Set(matched.values());

  // 4. The rest, run by run, between their matched neighbours. Blocks that show another unit's
  // text (deleted or moved away) are no edits, and split a run: what follows a deleted block has
  // only its right neighbour to go by.
  const paired: Array<readonly [number, number]> = [];
  const unplaced: number[] = [];
  const free = (i: number): boolean => !used.has(i) && source[i]?.pairable === true;
  // Blocks the old output cannot have shown (new ones) are stepped over; blocks matched elsewhere stop.
  const open = (i: number): boolean => !used.has(i) && source[i]?.pairable !== true;
  const pair = (i: number, j: number): void => {
    used.add(i);
    paired.push([i, j]);
  };
  const neighbour = (j: number): number | undefined => matched.get(j);
  const likeness = createLikeness(source, output, gone, output.length - matched.size);
  let j = 0;
  while (j < output.length) {
    if (matched.has(j) || (output[j] as OutputBlock).known) {
      j += 1;
      continue;
    }
    const start = j;
    while (j < output.length && !matched.has(j) && !(output[j] as OutputBlock).known) j += 1;
    const run = range(start, j);
    const left = start > 0 ? neighbour(start - 1) : -1;
    const right = j < output.length ? neighbour(j) : source.length;
    const kindOf = (k: number) => output[run[k] as number]?.kind;
    // A pair by position holds unless the block plainly resembles what was written for another unit.
    const fits = (i: number, k: number) => {
      const owner = likeness.owner(run[k] as number);
      return owner === undefined || owner === i;
    };
    if (left !== undefined && right !== undefined && left < right) {
      const between: number[] = [];
      for (let i = left + 1; i < right && between.length <= run.length; i++) if (free(i)) between.push(i);
      if (
        between.length === run.length &&
        between.every((i, k) => source[i]?.kind === kindOf(k) && fits(i, k))
      ) {
        between.forEach((i, k) => pair(i, run[k] as number));
        continue;
      }
    }
    let first = 0;
    let last = run.length - 1;
    if (left !== undefined) {
      for (let i = left + 1; i < source.length && first <= last; i++) {
        if (open(i)) continue;
        if (!free(i) || source[i]?.kind !== kindOf(first) || !fits(i, first)) break;
        pair(i, run[first] as number);
        first += 1;
      }
    }
    if (right !== undefined) {
      for (let i = right - 1; i >= 0 && last >= first; i--) {
        if (open(i)) continue;
        if (!free(i) || source[i]?.kind !== kindOf(last) || !fits(i, last)) break;
        pair(i, run[last] as number);
        last -= 1;
      }
    }
    for (let k = first; k <= last; k++) unplaced.push(run[k] as number);
  }
  // An edit of a block that moved: no neighbour to go by, but what it resembles.
  // Last, a block that resembles no unit the source lost pairs with the one free block of its kind.
  const left: number[] = [];
  for (const j of unplaced) {
    const owner = likeness.owner(j);
    if (typeof owner === 'number' && free(owner)) {
      pair(owner, j);
      continue;
    }
    const kind = output[j]?.kind;
    const open =
      owner === 'gone' ? [] : source.flatMap((block, i) => (free(i) && block.kind === kind ? [i] : []));
    if (open.length === 1) pair(open[0] as number, j);
    else left.push(j);
  }
  paired.sort((a, b) => a[1] - b[1]);
  return { matched, paired, unplaced: left };
}

/** What `matchShown` needs of a block: its kind and the fingerprints of its texts. */
export interface KeyedBlock {
  readonly kind: string;
  readonly keys: readonly string[];
}

/**
 * Steps 1 to 3 of an alignment: the output blocks that show what the tool wrote for a source block
 * (a key in common, same kind), as output index → source index. Blocks unique on both sides anchor
 * the longest run in the same order; between anchors each block takes the first free source block
 * it shows; what is left (moved blocks) takes the first free one anywhere.
 */
export function matchShown(
  source: readonly KeyedBlock[],
  output: readonly KeyedBlock[],
): Map<number, number> {
  const byKey = new Map<string, number[]>();
  source.forEach((block, index) => {
    for (const key of new Set(block.keys)) {
      const at = `${block.kind}\u0000${key}`;
      const list = byKey.get(at);
      if (list) list.push(index);
      else byKey.set(at, [index]);
    }
  });
  // Each output block's candidates: shared sorted lists of source indexes, one per matching key.
  const candidates = output.map((block) =>
    [...new Set(block.keys)]
      .map((key) => byKey.get(`${block.kind}\u0000${key}`))
      .filter((list) => list !== undefined),
  );
  const matched = new Map<number, number>();
  const used = new Set<number>();
  const take = (j: number, i: number): void => {
    matched.set(j, i);
    used.add(i);
  };

  // 1. Anchors: blocks unique on both sides, kept in the longest run in the same order.
  const only = (lists: ReadonlyArray<readonly number[]>): number | undefined =>
    lists.length === 1 && lists[0]?.length === 1 ? lists[0][0] : undefined;
  const claims = new Map<number, number>();
  for (const lists of candidates) {
    for (const list of lists)
      for (const i of list.length === 1 ? list : []) claims.set(i, (claims.get(i) ?? 0) + 1);
  }
  const unique: Array<[number, number]> = [];
  candidates.forEach((lists, j) => {
    const i = only(lists);
    if (i !== undefined && claims.get(i) === 1) unique.push([j, i]);
  });
  const anchors = longestIncreasing(unique);
  for (const [j, i] of anchors) take(j, i);

  // 2. Between anchors, in order: each block takes the first free source block it shows.
  let lastSource = -1;
  let nextAnchor = 0;
  for (let j = 0; j < output.length; j++) {
    const anchored = matched.get(j);
    if (anchored !== undefined) {
      lastSource = anchored;
      nextAnchor += 1;
      continue;
    }
    const limit = anchors[nextAnchor]?.[1] ?? source.length;
    let found: number | undefined;
    for (const list of candidates[j] ?? []) {
      for (let at = firstAbove(list, lastSource); at < list.length; at++) {
        const i = list[at] as number;
        if (i >= limit || (found !== undefined && i >= found)) break;
        if (!used.has(i)) {
          found = i;
          break;
        }
      }
    }
    if (found !== undefined) {
      take(j, found);
      lastSource = found;
    }
  }

  // 3. Moved blocks: shown as written, out of order.
  const cursors = new Map<readonly number[], number>();
  candidates.forEach((lists, j) => {
    if (matched.has(j)) return;
    for (const list of lists) {
      let at = cursors.get(list) ?? 0;
      while (at < list.length && used.has(list[at] as number)) at += 1;
      cursors.set(list, at);
      if (at < list.length) {
        take(j, list[at] as number);
        return;
      }
    }
  });

  return matched;
}

/** Most comparisons by likeness: a bound on the work for files whose blocks mostly changed. */
const likenessBudget = 200_000;

/**
 * Which written text an edited output block resembles most, when one plainly does (at most half of
 * it changed, and no other as close): a source block's index, `'gone'` for a unit the source no
 * longer has, else `undefined`.
 */
function createLikeness(
  source: readonly SourceBlock[],
  output: readonly OutputBlock[],
  gone: ReadonlyArray<{ readonly text: string }>,
  unmatched: number,
) {
  const written: Array<{ kind: string | undefined; text: string; owner: number | 'gone' }> = [
    ...source.flatMap((block, i) =>
      block.text === undefined ? [] : [{ kind: block.kind, text: block.text, owner: i }],
    ),
    ...gone.map((item) => ({ kind: undefined, text: item.text, owner: 'gone' as const })),
  ];
  const affordable = unmatched * written.length <= likenessBudget;
  const cache = new Map<number, number | 'gone' | undefined>();
  return {
    owner(j: number): number | 'gone' | undefined {
      if (!affordable) return undefined;
      if (cache.has(j)) return cache.get(j);
      const block = output[j];
      const text = block?.text;
      let best: number | 'gone' | undefined;
      let bestScore = 0.5;
      let tie = false;
      for (const item of text === undefined ? [] : written) {
        if (text === undefined || (item.kind !== undefined && item.kind !== block?.kind)) continue;
        const score = distance(item.text, text) / Math.max(item.text.length, text.length, 1);
        if (score < bestScore) {
          best = item.owner;
          bestScore = score;
          tie = false;
        } else if (score === bestScore && item.owner !== best) tie = true;
      }
      const owner = tie ? undefined : best;
      cache.set(j, owner);
      return owner;
    },
  };
}

/** The first position in a sorted list whose value is above `value`. */
function firstAbove(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((list[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let index = from; index < to; index++) out.push(index);
  return out;
}

/** The longest subsequence of pairs (in output order) whose source indexes increase: O(n log n). */
export function longestIncreasing(
  pairs: ReadonlyArray<readonly [number, number]>,
): Array<readonly [number, number]> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(pairs.length).fill(-1);
  pairs.forEach(([, i], index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((pairs[tails[middle] as number] as readonly [number, number])[1] < i) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1] as number;
    tails[low] = index;
  });
  const out: Array<readonly [number, number]> = [];
  for (let at = tails[tails.length - 1] ?? -1; at !== -1; at = previous[at] as number)
    out.push(pairs[at] as readonly [number, number]);
  return out.reverse();
}
