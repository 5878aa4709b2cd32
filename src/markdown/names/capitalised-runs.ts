import { leadsName, phraseWords } from './name-leads.js';
import { shoutedWords } from './shouted.js';
import { nameShaped, type Token } from './tokens.js';
import type { AddName, NameReason } from './types.js';

/** Words of grammar that a title-cased run may start or end with but no name does (`The Xen Project`). */
export const grammarWords = new Set(
  'a an the this that these those its our your their my his her what which who how why when where is are was were be does do did uses use using each every some any all and or but nor of for in on at to by from with as into via vs'.split(
    ' ',
  ),
);

/** What the rest of the document says about a word of a run (see `phraseClues`). */
export interface RunClues {
  /** Whether the word says by itself that it belongs to a name. */
  readonly evidence: (token: Token, phrase: string) => boolean;
  /** Whether the text of a link that holds `phrase` has the word in its address. */
  readonly spelled: (token: Token, phrase: string) => boolean;
  /** Whether the text of a link that holds `phrase` has the word in its site's name. */
  readonly named: (token: Token, phrase: string) => boolean;
  /** A plural noun the prose also writes in lower case. */
  readonly commonPlural: (word: string) => boolean;
  /**
   * Whether the last word of a run is a common word of a title after a name (`Docker Images`,
   * `Vagrant Plugins`), not part of it: see `ordinaryTail` of `phrase-names.ts`.
   */
  readonly ordinaryTail: (previous: Token, last: Token, phrase: string, runLength: number) => boolean;
}

/** The run less the common words of a title that end it (`Docker Images`, `IoT Devices`). */
function withoutOrdinaryTail(text: string, words: readonly Token[], clues: RunClues): readonly Token[] {
  let kept = words;
  while (kept.length > 1) {
    const last = kept.at(-1) as Token;
    const previous = kept.at(-2) as Token;
    if (!clues.ordinaryTail(previous, last, text.slice(kept[0]?.start, last.end), kept.length)) break;
    kept = kept.slice(0, -1);
  }
  return kept;
}

/** `**Wilson Page** - [@wilsonpage](…)`: the block writes the run's words as one, a handle or a host. */
function spelledAsOne(text: string, words: readonly Token[]): boolean {
  if (words.length < 2) return false;
  // A plain search, not a regular expression built for each run of capitals of a block.
  const joined = words.map((token) => token.word.toLowerCase()).join('');
  const lower = lowerCase(text);
  for (let at = lower.indexOf(joined); at !== -1; at = lower.indexOf(joined, at + 1)) {
    const end = at + joined.length;
    if (
      !letterOrDigitBefore.test(lower.slice(Math.max(0, at - 2), at)) &&
      !letterOrDigitAfter.test(lower.slice(end, end + 2))
    )
      return true;
  }
  return false;
}

const letterOrDigitBefore = /[\p{L}\p{N}]$/u;
const letterOrDigitAfter = /^[\p{L}\p{N}]/u;

/** The last block lowered: every run of a block searches the same text, a whole table of links at times. */
let lowered = { text: '', lower: '' };
function lowerCase(text: string): string {
  if (lowered.text !== text) lowered = { text, lower: text.toLowerCase() };
  return lowered.lower;
}

/**
 * The words of a run that may be a name, or undefined where the run is none: a sentence's first
 * word joins it only when it is a name itself, and a title keeps only the words that say so.
 */
function runWords(
  text: string,
  tokens: readonly Token[],
  run: readonly Token[],
  sentence: {
    names: ReadonlyMap<string, NameReason>;
    clues: RunClues;
    titleCase: boolean;
    covered: Set<Token>;
  },
): { words: readonly Token[]; handle: boolean } | undefined {
  const { names, clues, titleCase, covered } = sentence;
  let words = run;
  const first = words[0];
  if (first === undefined) return { words, handle: false };
  if (first.mid && !titleCase) return { words: withoutOrdinaryTail(text, words, clues), handle: false };
  if (!leadsName(words, names))
    return titleCase ? undefined : { words: withoutOrdinaryTail(text, words.slice(1), clues), handle: false };
  if (spelledAsOne(text, words)) return { words, handle: true };
  if (titleCase || (tokens.indexOf(first) === 0 && tokens.length - words.length <= 2)) {
    // A title's capitals say nothing: its last words join the name only where they are names
    // themselves (`GNU Grub` of `GNU Grub Bootloader`; not `GNU Packages`, `Red Hat Site`). In a
    // title-cased sentence only the link's address tells. A title is the whole sentence, give or
    // take two words (`Docker Network Usage examples`), as a heading, a label or a link text is;
    // in `BSD Jails and Windows hosts are covered` or `A Docker Registry is…` capitals name.
    while (words.length > 1) {
      const last = words.at(-1) as Token;
      const phrase = text.slice(first.start, last.end);
      const previous = words.at(-2) as Token;
      if (
        !clues.ordinaryTail(previous, last, phrase, words.length) &&
        (titleCase ? clues.spelled(last, phrase) : covered.has(last) || clues.evidence(last, phrase))
      )
        break;
      words = words.slice(0, -1);
    }
    const all = text.slice(first.start, words.at(-1)?.end);
    if (titleCase && (words.length < 2 || !words.slice(1).every((token) => clues.spelled(token, all))))
      return undefined;
  }
  return { words: withoutOrdinaryTail(text, words, clues), handle: false };
}

/** The name a run of capitalised words writes, if any. */
function runName(
  text: string,
  run: { words: readonly Token[]; handle: boolean },
  names: ReadonlyMap<string, NameReason>,
  clues: RunClues,
): string | undefined {
  let words = run.words;
  while (words.length > 0 && grammarWords.has(words[0]?.word.toLowerCase() ?? '')) words = words.slice(1);
  while (words.length > 0 && grammarWords.has(words.at(-1)?.word.toLowerCase() ?? ''))
    words = words.slice(0, -1);
  // `Bitcoin, Litecoin and Monero Prices`: the plural after the last item is the whole list's.
  const head = words.at(-1);
  if (
    words.length === 2 &&
    head !== undefined &&
    clues.commonPlural(head.word) &&
    !names.has(head.word) &&
    /,[^,]*(?:^|\s)(?:and|or|&)\s+$/u.test(text.slice(0, words[0]?.start))
  )
    return undefined;
  if (words.length < 2) return undefined;
  const holdsName =
    !shoutedWords(text, words, names) &&
    (run.handle ||
      words.some(
        (token) =>
          names.has(token.word) ||
          /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(token.word) ||
          clues.named(token, text.slice(words[0]?.start, words.at(-1)?.end)),
      ));
  const phrase = text.slice(words[0]?.start, words.at(-1)?.end);
  return holdsName && !names.has(phrase) ? phrase : undefined;
}

/**
 * A run of capitalised words that holds a name is one name (`Docker Swarm`, `QEMU Guest Agent`,
 * `Open vSwitch`, `Red Hat Enterprise Linux`); a sentence's first word joins it only when it is a
 * name itself.
 */
export function addRuns(
  text: string,
  tokens: readonly Token[],
  names: ReadonlyMap<string, NameReason>,
  add: AddName,
  clues: RunClues,
  titleCase: boolean,
): void {
  const sentence = { names, clues, titleCase, covered: phraseWords(text, tokens) };
  let run: Token[] = [];
  const flush = () => {
    const words = runWords(text, tokens, run, sentence);
    run = [];
    const name = words === undefined ? undefined : runName(text, words, names, clues);
    if (name !== undefined) add(name, 'multi-word name');
  };
  for (const token of tokens) {
    const previous = run.at(-1);
    // In a title, `On` and `With` are capitalised too, and part of no name: `Docker Engine On Ubuntu`.
    const shaped = nameShaped(token.word) && !(titleCase && grammarWords.has(token.word.toLowerCase()));
    // `Malven's Flexbox Cheatsheet`: a possessive that opens a title leads the run (in a sentence,
    // `GitHub's Timezones` is a name and a word).
    const between = previous === undefined ? ' ' : text.slice(previous.end, token.start);
    const joined = between === ' ' || (/^['’]s $/u.test(between) && tokens.indexOf(previous as Token) === 0);
    if (!shaped || !joined) flush();
    if (shaped) run.push(token);
  }
  flush();
}
