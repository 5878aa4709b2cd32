import { isEnglishWord } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';
import { grammarWords } from './capitalised-runs.js';
import { nameShaped, type Token } from './tokens.js';
import type { AddName, NameReason } from './types.js';

// Two items of capitalised words or more before the last, one of them a name: `Harbor, Artifactory, `.
const itemsBefore =
  /(?:^|[^\p{L}\p{N}])((?:\p{Lu}[\p{L}\p{N}.+-]*(?: \p{Lu}[\p{L}\p{N}.+-]*)*, ){2,})(?:and |or )?$/u;

/**
 * `→ Harbor, Artifactory, GitHub container Registry.`: the last item of a list of names that a kept
 * or known name leads and a capitalised word closes, at the end of its sentence, is one name with the
 * one or two English words in lower case inside it, as writers lower a product's middle word.
 */
export function addClosingItem(
  text: string,
  tokens: readonly Token[],
  names: ReadonlyMap<string, NameReason>,
  add: AddName,
): void {
  const last = tokens.at(-1);
  if (
    last === undefined ||
    !/^\p{Lu}\p{Ll}/u.test(last.word) ||
    !/^[.!?)]*(?:\s|$)/u.test(text.slice(last.end))
  )
    return;
  let at = tokens.length - 2;
  while (at >= tokens.length - 3 && /^\p{Ll}+$/u.test(tokens[at]?.word ?? '')) {
    const word = tokens[at]?.word ?? '';
    if (grammarWords.has(word) || !isEnglishWord(word)) return;
    at--;
  }
  const lead = tokens[at];
  if (lead === undefined || at === tokens.length - 2 || !nameShaped(lead.word)) return;
  if (!names.has(lead.word) && namesLexicon().sourceOf(lead.word) === undefined) return;
  const item = text.slice(lead.start, last.end);
  if (
    item !==
    tokens
      .slice(at)
      .map((token) => token.word)
      .join(' ')
  )
    return;
  const before = itemsBefore.exec(text.slice(0, lead.start))?.[1];
  if (before === undefined || !before.split(', ').some((item) => names.has(item))) return;
  add(item, 'item of a list of names');
}
