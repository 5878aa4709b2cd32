import { isEnglishWord } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';
import { englishLike } from './english-like.js';
import { isEverydayName } from './everyday-names.js';
import type { FoundNames } from './found-names.js';
import type { CodeEvidence } from './types.js';
import type { Sentence } from './word-names.js';
import { capitalize } from './tokens.js';

/** A word of no dictionary written in lower case, nor derived nor compounded from one: `crun`, `vif`, `macvlan`. */
export function unknownLower(word: string): boolean {
  return (
    /^\p{Ll}[\p{Ll}\p{N}]{2,}$/u.test(word) &&
    !englishLike(word) &&
    !latin.has(word) &&
    !isEverydayName(capitalize(word))
  );
}

/** Words that call the word before them a program: `the xm utility`. */
const programNouns = new Set(['utility', 'command', 'tool', 'daemon', 'binary', 'program', 'CLI']);

/** Latin abbreviations that end or open lists: `…, etc.`, `vs`. */
const latin = new Set(['etc', 'cf', 'vs', 'viz']);

/** Whether the code or a shape keeps a word already: `runc` of `runc spec`, `audit2allow`, `LXD`. */
export function keptByShapeOrCode(word: string, code: CodeEvidence): boolean {
  const lower = word.toLowerCase();
  return (
    /[\p{N}_.]|\p{Ll}\p{Lu}|^\p{Lu}{2,}/u.test(word) ||
    code.exact.has(word) ||
    code.commands.has(word) ||
    // The code keeps its words as written in lower case only (`apparmor`, not `Apparmor`).
    (word === lower && code.codeWords.has(lower) && !isEnglishWord(lower))
  );
}

// Items of a list of single words: `runc and crun`, `audit2allow, semanage, chcon`, `dir, zfs, lvmthin and cephfs`.
const item = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}])?`;
const listOfWords = new RegExp(
  String.raw`(?<![\p{L}\p{N}_./'’-])${item}(?:(?:, |,? (?:and|or|&) )${item})+(?![\p{L}\p{N}_/'’-])`,
  'gu',
);

/**
 * Tools and components that their makers write in lower case and no dictionary knows (`crun`,
 * `vif`, `macvlan`; not `runtime` nor `backend`, compounds of English words): a name where it stands
 * alone as a heading, a table cell or a label (`##### vif`, `| macvlan |`, `**crun:**`), and where
 * it is an item of a list of single words that holds another name written in lower case or another
 * such word (`runc and crun`, `audit2allow, semanage, chcon`, `dir, zfs, lvmthin and cephfs`).
 */
export function addLowerCaseNames(
  texts: readonly string[],
  split: ReadonlyArray<readonly Sentence[]>,
  found: FoundNames,
  code: CodeEvidence,
): void {
  const lexicon = namesLexicon();
  const named = (word: string) =>
    found.names.has(word) ||
    lexicon.sourceOf(word) !== undefined ||
    /[\p{N}_.]|\p{Ll}\p{Lu}|^\p{Lu}{2,}/u.test(word) ||
    (code.codeWords.has(word.toLowerCase()) && !englishLike(word.toLowerCase())) ||
    unknownLower(word) ||
    (/^\p{Lu}\p{Ll}+$/u.test(word) && !englishLike(word.toLowerCase()));
  // A name by its shape or the lexicon, not by a capital that may be a language's or a people's (`Latin`).
  const shaped = (word: string) =>
    /[\p{N}_.-]|\p{Ll}\p{Lu}|^\p{Lu}{2,}/u.test(word) ||
    (lexicon.sourceOf(word) !== undefined && !isEnglishWord(word.toLowerCase())) ||
    unknownLower(word);
  const add = (word: string, reason: 'not an English word' | 'item of a list of names') => {
    if (unknownLower(word) && !keptByShapeOrCode(word, code)) found.add(word, reason);
  };
  for (const [at, text] of texts.entries()) {
    const parts = split[at] ?? [];
    const first = parts[0]?.tokens;
    // The whole block, or a label that opens it (`crun: fast`), is one word.
    if (first?.length === 1 && (parts.length === 1 || /^[^\p{L}\p{N}]*:/u.test(text.slice(first[0]?.end))))
      add(first[0]?.word ?? '', 'not an English word');
    for (const match of text.matchAll(listOfWords)) {
      const items = match[0].split(/, |,? (?:and|or|&) /u);
      // Names written in lower case among them, as tools are (`Latin, CJK, Arabic and emoji` are scripts),
      // or two names by their shape beside the word (`rkt, OpenVZ, systemd-nspawn or BSD Jails`; not
      // `emoji` of `Latin, CJK, Arabic and emoji`, where only `CJK` is one).
      const lowerNames = items.filter((each) => /^\p{Ll}/u.test(each) && named(each)).length;
      for (const each of items)
        if (lowerNames >= 2 || items.filter((other) => other !== each && shaped(other)).length >= 2)
          add(each, 'item of a list of names');
    }
    for (const { tokens } of parts)
      for (const [index, token] of tokens.entries()) {
        const word = token.word;
        // `the xm utility`, `the ls command`: a word no dictionary has, called a program by the next word.
        const program =
          /^\p{Ll}[\p{Ll}\p{N}]+$/u.test(word) &&
          programNouns.has(tokens[index + 1]?.word ?? '') &&
          !englishLike(word) &&
          !isEnglishWord(word);
        // `firewalld`, `mountd`: a daemon, named as Unix names them, an English word and `d`.
        const daemon =
          /^\p{Ll}{3,}d$/u.test(word) && isEnglishWord(word.slice(0, -1)) && !englishLike(word, false);
        // `libguestfish`, `libcurl`: the library of a tool the document names or runs.
        const tool = /^lib(\p{Ll}{3,})$/u.exec(word)?.[1];
        const library =
          tool !== undefined && (named(tool) || code.commands.has(tool)) && !isEnglishWord(word);
        if ((daemon || library || program) && !keptByShapeOrCode(word, code))
          found.add(word, 'not an English word');
      }
  }
}
