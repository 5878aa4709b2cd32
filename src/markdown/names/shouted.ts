import { isEnglishWord } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';
import type { Token } from './tokens.js';
import type { NameReason } from './types.js';

const shoutedLines = new Map<string, boolean>();

/**
 * A line written in capitals (a licence's `THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY…`):
 * five words in capitals or more, three in five of its words, seven in ten of them English.
 */
export function shouted(line: string): boolean {
  let known = shoutedLines.get(line);
  if (known !== undefined) return known;
  const words = line.match(/[\p{L}\p{N}]+/gu) ?? [];
  const caps = words.filter((each) => /^\p{Lu}{2,}$/u.test(each));
  const english = caps.filter((each) => isEnglishWord(each.toLowerCase()));
  known = caps.length >= 5 && caps.length >= words.length * 0.6 && english.length >= caps.length * 0.7;
  if (shoutedLines.size > 1000) shoutedLines.clear();
  shoutedLines.set(line, known);
  return known;
}

/** Words in capitals of a line written in capitals (`WITHOUT WARRANTY OF ANY KIND`): no name by their capitals. */
export function shoutedWords(
  text: string,
  words: readonly Token[],
  names: ReadonlyMap<string, NameReason>,
): boolean {
  return (
    shouted(text) &&
    words.every(
      (token) =>
        /^\p{Lu}+$/u.test(token.word) &&
        !names.has(token.word) &&
        namesLexicon().sourceOf(token.word) === undefined,
    )
  );
}
