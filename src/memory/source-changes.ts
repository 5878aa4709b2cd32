/** A unit whose source was edited between two runs. */
export interface SourceChange {
  readonly oldSource: string;
  readonly newSource: string;
}

/** Past this many cells the diff is not worth its memory; no change is inferred. */
const maxCells = 4_000_000;

/**
 * Infers edited units by diffing the previous run's unit sources (the memory's current entries, in
 * order, as loaded) with this run's: where a run of old units is replaced by as many new ones, each
 * pair is an edit. Unequal runs are left alone (an insertion or a deletion, not an edit); the cost of
 * a missed pair is only that a human translation is not offered for review. Feed each pair to
 * `TranslationMemory.carryOver`.
 */
export function inferSourceChanges(previous: readonly string[], current: readonly string[]): SourceChange[] {
  const before = [...new Set(previous)];
  const after = [...new Set(current)];
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
