import { isGivenName, isPartOfPersonName } from '../people-names.js';
import { englishLike } from './english-like.js';
import { isEverydayName } from './everyday-names.js';
import type { FoundNames } from './found-names.js';
import type { ProseWords } from './prose-words.js';
import { nameShaped, type Token } from './tokens.js';
import type { CodeEvidence } from './types.js';
import type { Sentence } from './word-names.js';

const personWord = /^\p{Lu}\p{Ll}+$/u;

/**
 * Keeps the names of people written as plain text (`MIT (c) Paul Miller`, a list of authors with
 * `Andrew Rhyne`), whose words may be English (`Tyler Long`): a given name that the document never
 * writes in lower case nor as code (not `Read File` where it writes `read`, nor `Man Pages` where
 * it runs `man`), then one capitalised word that is part of a person's name or no English word (not
 * `Julia Programming`), one space apart. Neither is a place or a people (`West Australia`, `North
 * American`; `Paul Irish` where the block also writes `paulirish`), and the two do not go on a run of
 * capitalised words (`IUCN Red List`).
 */
export function addPeopleNames(
  texts: readonly string[],
  split: ReadonlyArray<readonly Sentence[]>,
  found: FoundNames,
  prose: ProseWords,
  code: CodeEvidence,
): void {
  const joined = (text: string, left: Token | undefined, right: Token | undefined) =>
    left !== undefined &&
    right !== undefined &&
    text.slice(left.end, right.start) === ' ' &&
    nameShaped(left.word) &&
    nameShaped(right.word);
  for (const [at, text] of texts.entries()) {
    // `Nicholas C. Zakas`: a middle initial's full stop splits the sentence, so the name is read whole.
    for (const match of text.matchAll(withInitial)) {
      const [whole, given = '', surname = ''] = match;
      if (isGivenName(given) && !isEverydayName(given) && surname.split('-').every(surnamePart))
        found.add(whole, "person's name");
    }
    for (const { tokens } of split[at] ?? [])
      for (const [index, given] of tokens.entries()) {
        const surname = tokens[index + 1];
        const lower = given.word.toLowerCase();
        if (
          surname === undefined ||
          text.slice(given.end, surname.start) !== ' ' ||
          !personWord.test(given.word) ||
          !personWord.test(surname.word) ||
          !isGivenName(given.word) ||
          prose.lowerWords.has(lower) ||
          code.codeWords.has(lower) ||
          isEverydayName(given.word) ||
          joined(text, tokens[index - 1], given)
        )
          continue;
        // `North American`, `West Australia`: a place or a people is no surname, unless the block
        // writes the two words as one, as a handle (`**Paul Irish** - [@paulirish](…)`).
        if (isEverydayName(surname.word) && !text.toLowerCase().includes(lower + surname.word.toLowerCase()))
          continue;
        if (surnamePart(surname.word))
          found.add(text.slice(given.start, doubleBarrelled(text, tokens, index + 1)), "person's name");
      }
  }
}

// A given name, a middle initial and a surname: `Nicholas C. Zakas`, `Jean Q. Smith-Jones`.
const withInitial =
  /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+) \p{Lu}\. (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*)(?![\p{L}\p{N}])/gu;

/** A word that may be (part of) a surname: part of a person's name, or no English word. */
const surnamePart = (word: string) => isPartOfPersonName(word) || !englishLike(word.toLowerCase());

/** Where a surname ends, with the parts hyphenated to it (`Shively-Sanders`, `Smith-Jones`). */
function doubleBarrelled(text: string, tokens: readonly Token[], surname: number): number {
  let end = (tokens[surname] as Token).end;
  for (let at = surname + 1; at < tokens.length; at += 1) {
    const part = tokens[at] as Token;
    if (text.slice(end, part.start) !== '-' || !personWord.test(part.word) || !surnamePart(part.word)) break;
    end = part.end;
  }
  return end;
}
