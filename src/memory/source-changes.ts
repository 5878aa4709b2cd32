import { distance } from 'fastest-levenshtein';

/** A unit whose source was edited between two runs. */
export interface SourceChange {
  readonly oldSource: string;
  readonly newSource: string;
}

/**
 * Infers edited units by comparing the previous run's unit sources (the memory's current entries, in
 * order, as loaded) with this run's. Only units that left (old sources the current ones lack) and units
 * that came (new sources the old ones lack) are paired, each at most once:
 *
 * - by likeness first: an old and a new source that plainly resemble each other (less than half of the
 *   longer one changed, by Levenshtein distance), closest pairs first, so a paragraph that was both
 *   reworded and moved is still found;
 * - then by position: where a run of old units is replaced by as many new ones (the diff of the two
 *   lists), each pair left is an edit (a paragraph rewritten in place).
 *
 * Anything else is an insertion or a deletion; the cost of a missed pair is only that a human
 * translation is not offered for review (it stays in the memory, obsolete). Feed each pair to
 * `TranslationMemory.carryOver`.
 */
export function inferSourceChanges(previous: readonly string[], current: readonly string[]): SourceChange[] {
  const before = [...new Set(previous)];
  const after = [...new Set(current)];
  const inBefore = new Set(before);
  const inAfter = new Set(after);
  const left = before.filter((source) => !inAfter.has(source));
  const came = after.filter((source) => !inBefore.has(source));
  if (left.length === 0 || came.length === 0) return [];
  const byPosition = positionalChanges(before, after).filter(
    (change) => !inAfter.has(change.oldSource) && !inBefore.has(change.newSource),
  );
  const byLikeness = likeChanges(left, came, byPosition);
  const paired = new Set(byLikeness.flatMap((change) => [change.oldSource, change.newSource]));
  const changes = [
    ...byLikeness,
    ...byPosition.filter((change) => !paired.has(change.oldSource) && !paired.has(change.newSource)),
  ];
  // In the order of the new sources.
  const at = new Map(came.map((source, index) => [source, index]));
  return changes.sort((a, b) => (at.get(a.newSource) ?? 0) - (at.get(b.newSource) ?? 0));
}

/**
 * Most character cells and pairs the likeness pass compares (about a tenth of a second each): past
 * either, pairs come by position only.
 */
const likenessCells = 400_000_000;
const likenessPairs = 250_000;

/**
 * Pairs of a source that left and one that came which plainly resemble each other (a Levenshtein
 * distance of less than half the longer text), the closest first; at equal distance a pair the
 * positions agree with, then the earlier.
 */
function likeChanges(
  left: readonly string[],
  came: readonly string[],
  byPosition: readonly SourceChange[],
): SourceChange[] {
  const candidates: Array<{ i: number; j: number }> = [];
  let cells = 0;
  for (const [i, a] of left.entries()) {
    for (const [j, b] of came.entries()) {
      const longer = Math.max(a.length, b.length);
      // The distance is at least the difference in length.
      if (2 * Math.abs(a.length - b.length) >= longer) continue;
      cells += a.length * b.length;
      if (cells > likenessCells || candidates.length === likenessPairs) return [];
      candidates.push({ i, j });
    }
  }
  const positional = new Set(byPosition.map((change) => `${change.oldSource}\0${change.newSource}`));
  const scored = candidates
    .map(({ i, j }) => {
      const a = left[i] as string;
      const b = came[j] as string;
      return {
        i,
        j,
        score: distance(a, b) / Math.max(a.length, b.length),
        byPosition: positional.has(`${a}\0${b}`),
      };
    })
    .filter((pair) => pair.score < 0.5)
    .sort(
      (x, y) => x.score - y.score || Number(y.byPosition) - Number(x.byPosition) || x.j - y.j || x.i - y.i,
    );
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const changes: SourceChange[] = [];
  for (const { i, j } of scored) {
    if (usedOld.has(i) || usedNew.has(j)) continue;
    usedOld.add(i);
    usedNew.add(j);
    changes.push({ oldSource: left[i] as string, newSource: came[j] as string });
  }
  return changes;
}

/** Past this many cells the diff is not worth its memory; no change is inferred by position. */
const maxCells = 4_000_000;

/** Where a run of old units is replaced by as many new ones in the diff of the two lists, each pair. */
function positionalChanges(before: readonly string[], after: readonly string[]): SourceChange[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const a = before.slice(start, endBefore);
  const b = after.slice(start, endAfter);
  if ((a.length + 1) * (b.length + 1) > maxCells) return [];
  return pairReplacements(a, b);
}

/** Longest common subsequence, then the replaced runs between matches. */
function pairReplacements(a: readonly string[], b: readonly string[]): SourceChange[] {
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const changes: SourceChange[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    if (removed.length === added.length) {
      removed.forEach((oldSource, index) => changes.push({ oldSource, newSource: added[index] ?? '' }));
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (
      j < b.length &&
      (i === a.length || (lengths[i * width + j + 1] ?? 0) >= (lengths[(i + 1) * width + j] ?? 0))
    ) {
      added.push(b[j++] ?? '');
    } else {
      removed.push(a[i++] ?? '');
    }
  }
  flush();
  return changes;
}
