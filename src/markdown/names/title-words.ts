import { isEnglishWord } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';
import { capitalised, nameShaped, type Token } from './tokens.js';
import type { NameReason } from './types.js';

/** Every longer word capitalised: a heading or label in title case, where capitals say nothing. */
export function isTitleCase(tokens: readonly Token[]): boolean {
  // Names (`Harbor, Artifactory, GitHub`) are capitalised anyway: only the other words tell.
  const long = tokens.filter(
    (token) =>
      token.word.length >= 4 &&
      /^\p{L}/u.test(token.word) &&
      isEnglishWord(token.word.toLowerCase()) &&
      !namesLexicon().sourceOf(token.word),
  );
  const upper = long.filter((token) => /^\p{Lu}/u.test(token.word)).length;
  return long.length >= 2 && upper === long.length;
}

/**
 * Whether a capitalised dictionary word says nothing by its capital: a label before a number
 * (`Topic 351`, `Step 2`), the head or tail of a title (`University of Cambridge`, `Code of Conduct`), one word of
 * a run of capitalised words (`MIT License`, `Web Site`, `Getting Started`), which is a name as a
 * whole or not at all (see `addRuns`), or a word after a name written in lower case (`npm Installation`).
 */
export function labelOrTitle(
  text: string,
  tokens: readonly Token[],
  token: Token,
  names: ReadonlyMap<string, NameReason>,
): boolean {
  const after = text.slice(token.end);
  if (/^ \d/u.test(after) || /^ of (?:the )?\p{Lu}/u.test(after)) return true;
  // `Code of Conduct`, `Terms of Service`: the tail of a title whose head is a capitalised word.
  const head = /(\p{Lu}\p{Ll}+) of (?:the )?$/u.exec(text.slice(0, token.start))?.[1];
  if (head !== undefined && isEnglishWord(head.toLowerCase()) && !names.has(head)) return true;
  const at = tokens.indexOf(token);
  const previous = tokens[at - 1];
  const next = tokens[at + 1];
  // `npm Installation`: a name written in lower case before a capitalised word is a title's head.
  const nameBefore = (word: string) => nameShaped(word) || (/^\p{Ll}/u.test(word) && names.has(word));
  return (
    (previous !== undefined && text.slice(previous.end, token.start) === ' ' && nameBefore(previous.word)) ||
    (next !== undefined && text.slice(token.end, next.start) === ' ' && nameShaped(next.word))
  );
}

/**
 * Whether a capitalised word is an item of a comma-separated list of three capitalised dictionary
 * words or more, none of them a name (`→ Build, Test, Deploy, Monitor`): capitals of a list of steps
 * or features, not of names.
 */
export function inListOfWords(
  text: string,
  tokens: readonly Token[],
  token: Token,
  names: ReadonlyMap<string, NameReason>,
): boolean {
  const at = tokens.indexOf(token);
  const comma = (left: Token | undefined, right: Token | undefined) =>
    left !== undefined &&
    right !== undefined &&
    capitalised(left.word) &&
    capitalised(right.word) &&
    /^, ?$/u.test(text.slice(left.end, right.start));
  let first = at;
  while (comma(tokens[first - 1], tokens[first])) first--;
  let last = at;
  while (comma(tokens[last], tokens[last + 1])) last++;
  const items = tokens.slice(first, last + 1);
  return (
    items.length >= 3 &&
    items.every(
      (item) =>
        isEnglishWord(item.word.toLowerCase()) &&
        !names.has(item.word) &&
        namesLexicon().sourceOf(item.word) === undefined,
    )
  );
}
