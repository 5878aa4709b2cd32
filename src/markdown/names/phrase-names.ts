import { namesLexicon } from '../names-lexicon.js';
import { addRuns, type RunClues } from './capitalised-runs.js';
import { codeSpells } from './code-evidence.js';
import { isCommonPlural, englishLike } from './english-like.js';
import { addExpansions } from './expansions.js';
import type { FoundNames } from './found-names.js';
import type { LinkAddresses } from './link-addresses.js';
import { addClosingItem } from './closing-items.js';
import { addListItems } from './list-items.js';
import { addListOfNames } from './lists-of-names.js';
import type { ProseWords } from './prose-words.js';
import type { Token } from './tokens.js';
import type { CodeEvidence } from './types.js';
import type { Sentence } from './word-names.js';

/** How often the prose writes each pair of words, as written (`Docker images`, `Docker Images`). */
function wordPairs(texts: readonly string[]): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const text of texts)
    for (const match of text.matchAll(
      /(?<![\p{L}\p{N}_.-])(?=([\p{L}\p{N}]+ [\p{L}\p{N}]+)(?![\p{L}\p{N}_-]))/gu,
    )) {
      const pair = match[1] as string;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
  return pairs;
}

/** What the document says about a word of a run of capitalised words. */
function runClues(
  texts: readonly string[],
  found: FoundNames,
  code: CodeEvidence,
  prose: ProseWords,
  links: LinkAddresses,
): RunClues {
  const lexicon = namesLexicon();
  // Whether the text of a link that holds `phrase` has the word in its address (`named`: in its site's name).
  const spelled = (token: Token, phrase: string) =>
    (links.spelledByAddress.get(token.word.toLowerCase()) ?? []).some((text) => text.includes(phrase));
  const named = (token: Token, phrase: string) =>
    (links.namedBySite.get(token.word.toLowerCase()) ?? []).some((text) => text.includes(phrase));
  // Whether a word of a title (`GNU Grub Bootloader`) says by itself that it belongs to a name: a
  // name, capitals, no dictionary word, a word of the code or of its link's address.
  const evidence = (token: Token, phrase: string) => {
    const lower = token.word.toLowerCase();
    return (
      found.names.has(token.word) ||
      /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(token.word) ||
      lexicon.sourceOf(token.word) !== undefined ||
      code.commands.has(lower) ||
      // `Docker Swarm` where the code runs `docker swarm init`; not `Swarm Key` for a `--key` option.
      codeSpells(code.codeText, phrase) ||
      spelled(token, phrase) ||
      !englishLike(lower)
    );
  };
  // A plural noun the prose also writes in lower case (`prices`; not `Jails`, written only so).
  const commonPlural = (word: string) => isCommonPlural(word) && prose.lowerProse.has(word.toLowerCase());
  // A capitalised English word after a name, which the prose writes after that name in lower case
  // at least half as often (`Docker Images`… `Docker images`, `Docker Daemon`… `Docker daemon`), or a
  // plural noun the prose writes in lower case, after a name alone (`Vagrant Plugins`, `UNC Paths`,
  // `IoT Devices`; not `BSD Jails`, written only so, nor `Microsoft Remote Desktop Services`): a word
  // of a title, whatever the code runs (`docker images`) or its link's path says (`[Vagrant Plugins](…/plugins)`).
  // Never a name, a brand, a word of its link's site (`[React Icons](https://react-icons.github.io/…)`).
  let pairs: Map<string, number> | undefined;
  const ordinaryTail = (previous: Token, last: Token, phrase: string, runLength: number) => {
    const lower = last.word.toLowerCase();
    if (
      !/^\p{Lu}\p{Ll}+$/u.test(last.word) ||
      found.names.has(last.word) ||
      lexicon.sourceOf(last.word) !== undefined ||
      named(last, phrase) ||
      !englishLike(lower)
    )
      return false;
    pairs ??= wordPairs(texts);
    const inLower = pairs.get(`${previous.word} ${lower}`) ?? 0;
    if (inLower > 0 && inLower * 2 >= (pairs.get(`${previous.word} ${last.word}`) ?? 0)) return true;
    return runLength === 2 && /[^s]s$/u.test(lower) && prose.lowerWords.has(lower);
  };
  return { evidence, spelled, named, commonPlural, ordinaryTail };
}

/**
 * The names of several words (English sources only): runs of capitalised words, items of lists of
 * names, and the expansions of acronyms.
 */
export function addPhraseNames(
  texts: readonly string[],
  split: ReadonlyArray<readonly Sentence[]>,
  evidence: {
    found: FoundNames;
    code: CodeEvidence;
    prose: ProseWords;
    links: LinkAddresses;
    midSentence: ReadonlySet<string>;
  },
): void {
  const { found, code, midSentence } = evidence;
  const clues = runClues(texts, found, code, evidence.prose, evidence.links);
  for (const [at, text] of texts.entries())
    for (const { tokens, titleCase } of split[at] ?? []) {
      addRuns(text, tokens, found.names, found.add, clues, titleCase);
      if (titleCase) addListItems(text, tokens, found.add);
      addListOfNames(text, tokens, found.names, code.codeWords, found.add, clues.commonPlural);
      addClosingItem(text, tokens, found.names, found.add);
    }
  for (const text of texts) addExpansions(text, midSentence, found.add);
}
