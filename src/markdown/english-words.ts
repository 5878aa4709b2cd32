import wordListPath from 'word-list';
import { readPackedFileSync } from '../packed-file.js';

let words: Set<string> | undefined;

/**
 * Whether a lower-case word is English (274,000 words of the `word-list` package, read on first use):
 * `well-known` is prose, `qemu-img` is a command because `qemu` and `img` are not words.
 */
export function isEnglishWord(word: string): boolean {
  words ??= new Set(readPackedFileSync(wordListPath).toString('utf8').split('\n'));
  return words.has(word);
}
