import wordListPath from 'word-list';
import { readPackedFileSync } from '../packed-file.js';

/** A word list read once: each line's first three letters, and where its lines with them lie. */
export interface WordList {
  /** `\n`, the list, `\n`: every word stands between two line breaks. */
  readonly text: string;
  /** First three characters (the whole word when shorter) → the offsets of that run of lines. */
  readonly runs: ReadonlyMap<string, { readonly start: number; readonly end: number }>;
}

/**
 * Indexes a list of words, one a line, by their first three characters without splitting it into
 * 274,000 strings (a tenth of a second and as many objects to collect). Undefined when the words
 * with the same first three characters are not all in one run of lines: then only a set will do.
 */
export function indexWordList(list: string): WordList | undefined {
  const text = `\n${list}\n`;
  const runs = new Map<string, { start: number; end: number }>();
  let runStart = 1;
  let runKey = -1;
  let runKeyLength = -1;
  let lineStart = 1;
  while (lineStart < text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const keyLength = Math.min(3, lineEnd - lineStart);
    let sameRun = keyLength === runKeyLength;
    for (let at = 0; sameRun && at < keyLength; at++)
      sameRun = text.charCodeAt(runKey + at) === text.charCodeAt(lineStart + at);
    if (!sameRun) {
      if (runKey !== -1) {
        const key = text.slice(runKey, runKey + runKeyLength);
        if (runs.has(key)) return undefined;
        runs.set(key, { start: runStart, end: lineStart - 1 });
      }
      runStart = lineStart;
      runKey = lineStart;
      runKeyLength = keyLength;
    }
    lineStart = lineEnd + 1;
  }
  const key = text.slice(runKey, runKey + runKeyLength);
  if (runs.has(key)) return undefined;
  runs.set(key, { start: runStart, end: text.length - 1 });
  return { text, runs };
}

/** Whether `word` is a line of the indexed list. */
export function listHas(list: WordList, word: string): boolean {
  if (word.includes('\n')) return false;
  const run = list.runs.get(word.slice(0, 3));
  return run !== undefined && list.text.slice(run.start - 1, run.end + 1).includes(`\n${word}\n`);
}

let lookUp: ((word: string) => boolean) | undefined;
const seen = new Map<string, boolean>();

/**
 * Whether a lower-case word is English (274,000 words of the `word-list` package, read on first use):
 * `well-known` is prose, `qemu-img` is a command because `qemu` and `img` are not words.
 */
export function isEnglishWord(word: string): boolean {
  let known = seen.get(word);
  if (known !== undefined) return known;
  if (lookUp === undefined) {
    const list = readPackedFileSync(wordListPath).toString('utf8');
    const index = indexWordList(list);
    if (index === undefined) {
      const words = new Set(list.split('\n'));
      lookUp = (each) => words.has(each);
    } else lookUp = (each) => listHas(index, each);
  }
  known = lookUp(word);
  seen.set(word, known);
  return known;
}
