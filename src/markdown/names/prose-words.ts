/** How the prose writes its words: in lower case, or capitalised and how often. */
export interface ProseWords {
  /** Words the prose writes in lower case, not at the end of a sentence. */
  readonly lowerProse: ReadonlySet<string>;
  /** Every word the prose writes in lower case, `inline.` at the end of a sentence too. */
  readonly lowerWords: ReadonlySet<string>;
  /** Words the prose writes in lower case, with how often (as `lowerWords`). */
  readonly lowerCounts: ReadonlyMap<string, number>;
  /** Capitalised words of the prose, with how often. */
  readonly capitalisedCounts: ReadonlyMap<string, number>;
}

export function proseWords(texts: readonly string[]): ProseWords {
  const lowerProse = new Set<string>();
  for (const text of texts)
    for (const match of text.matchAll(/(?<![\p{L}\p{N}_./-])\p{Ll}+(?![\p{L}\p{N}_/.+-])/gu))
      lowerProse.add(match[0]);
  const lowerCounts = new Map<string, number>();
  for (const text of texts)
    for (const match of text.matchAll(/(?<![\p{L}\p{N}_./-])\p{Ll}+(?![\p{L}\p{N}_/+-]|\.[\p{L}\p{N}])/gu))
      lowerCounts.set(match[0], (lowerCounts.get(match[0]) ?? 0) + 1);
  const lowerWords = new Set(lowerCounts.keys());
  const capitalisedCounts = new Map<string, number>();
  for (const text of texts)
    for (const match of text.matchAll(/(?<![\p{L}\p{N}_./-])\p{Lu}\p{Ll}+(?![\p{L}\p{N}_/.+-])/gu))
      capitalisedCounts.set(match[0], (capitalisedCounts.get(match[0]) ?? 0) + 1);
  return { lowerProse, lowerWords, lowerCounts, capitalisedCounts };
}
