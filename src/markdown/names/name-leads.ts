import { isEnglishWord } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';
import { englishLike } from './english-like.js';
import { isEverydayName } from './everyday-names.js';
import { capitalised, type Token } from './tokens.js';
import type { NameReason } from './types.js';

/** The words of a sentence that are words of a known name of several words (`Red Hat`). */
export function phraseWords(text: string, tokens: readonly Token[]): Set<Token> {
  const lexicon = namesLexicon();
  const covered = new Set<Token>();
  for (const [at, token] of tokens.entries()) {
    const phrase = lexicon.phrasesByFirstWord
      .get(token.word)
      ?.find(
        (each) =>
          text.startsWith(each, token.start) && !/[\p{L}\p{N}]/u.test(text.charAt(token.start + each.length)),
      );
    if (phrase === undefined) continue;
    for (const next of tokens.slice(at)) if (next.end <= token.start + phrase.length) covered.add(next);
  }
  return covered;
}

/**
 * Whether a sentence's first word starts a multi-word name: a name of the document already, a word
 * of no dictionary (`Microsoft Remote Desktop Services`), a known brand written in capitals or
 * CamelCase (`GNU Tar`, `VMware Horizon`), or capitals before a known brand (`LXD Canonical`). Capitals
 * before dictionary words (`API Reference`, `LXD Installation`) may be a title, and are not.
 */
export function leadsName(words: readonly Token[], names: ReadonlyMap<string, NameReason>): boolean {
  const first = words[0]?.word ?? '';
  // A word kept only because the code writes it describes what follows: `Tmpfs Mounts`, `Seccomp Profiles`.
  const reason = names.get(first);
  if (reason === 'written as code' || reason === 'shell command') return false;
  if (reason !== undefined || strongLead(first)) return true;
  const lexicon = namesLexicon();
  return (
    /^\p{Lu}{2,}$/u.test(first) &&
    words.slice(1).some((token) => lexicon.sourceOf(token.word) !== undefined && !isEnglishWord(token.word))
  );
}

/**
 * A word that names something wherever it stands: no dictionary word, or a brand in capitals or
 * CamelCase. With `compounds` off, a compound of two dictionary words (`Microsoft`) counts as no
 * dictionary word, as it does beside other names in a list; alone, it may be jargon (`Hypervisor`).
 */
export function strongLead(word: string, compounds = true): boolean {
  if (capitalised(word) && !/\p{Ll}\p{Lu}/u.test(word))
    return !englishLike(word.toLowerCase(), compounds) && !isEverydayName(word);
  // A format's name (`HTTP Version`, `JSON Schema`) describes what follows; a brand's names it.
  return namesLexicon().sourceOf(word) === 'simple-icons' && /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(word);
}
