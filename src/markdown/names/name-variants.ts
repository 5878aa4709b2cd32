import { isEnglishWord } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';
import { englishLike } from './english-like.js';
import type { FoundNames } from './found-names.js';
import { isEverydayName } from './everyday-names.js';
import { keptByShapeOrCode } from './lower-case-names.js';
import { capitalize } from './tokens.js';
import type { CodeEvidence, NameReason } from './types.js';
import type { Sentence } from './word-names.js';

const linkReasons = new Set<NameReason>([
  'name column of a table',
  'linked profile or repository',
  'named by a link address',
]);

/**
 * A name that no dictionary holds is the same name however it is written: `Gitbook` for the known
 * `GitBook`, `Openstack` for `OpenStack`, `Balldontlie` for `[balldontlie](…)`, `Apparmor` for the
 * kept `AppArmor` (a kept word of five letters or more, of no dictionary or in CamelCase; shorter ones
 * are abbreviations as often, `Api` and `api`). The first word of no dictionary of a name that a link
 * writes names it alone: `Hyperquill open interest` beside `[Hyperquill Market Data](…)`.
 */
export function addNameVariants(
  split: ReadonlyArray<readonly Sentence[]>,
  found: FoundNames,
  code: CodeEvidence,
): void {
  const lexicon = namesLexicon();
  const spellings = new Map<string, string>();
  const words = new Set<string>();
  for (const name of found.names.keys()) {
    const parts = name.split(' ');
    for (const part of parts)
      if (
        /^\p{L}[\p{L}\p{N}]*\p{Ll}[\p{L}\p{N}]*$/u.test(part) &&
        part.length >= 5 &&
        (!englishLike(part.toLowerCase()) || /\p{Ll}\p{Lu}/u.test(part))
      )
        spellings.set(part.toLowerCase(), part);
    // A brand leads the names of its products, as a link names them: `Hyperquill` of
    // `[Hyperquill Market Data](…)`.
    const [lead = ''] = parts;
    if (
      parts.length > 1 &&
      linkReasons.has(found.names.get(name) ?? 'glossary') &&
      /^\p{Lu}\p{Ll}{2,}$/u.test(lead) &&
      !isEnglishWord(lead.toLowerCase())
    )
      words.add(lead);
  }
  for (const sentences of split)
    for (const sentence of sentences)
      for (const token of sentence.tokens) {
        const lower = token.word.toLowerCase();
        if (
          found.names.has(token.word) ||
          !/^\p{L}[\p{L}\p{N}]{2,}$/u.test(token.word) ||
          isEnglishWord(lower) ||
          isEverydayName(capitalize(token.word)) ||
          keptByShapeOrCode(token.word, code)
        )
          continue;
        if (words.has(token.word)) found.add(token.word, 'word of a kept name');
        else if (
          spellings.has(lower) ||
          (lexicon.sourceOfLowerCase(lower) !== undefined && !englishLike(lower, false))
        )
          found.add(token.word, 'name written in another case');
      }
}
