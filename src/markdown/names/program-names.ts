import escapeStringRegexp from 'escape-string-regexp';
import { isCommandWord } from '../command-words.js';
import { isEnglishWord } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';
import { codeMark } from '../tree-walk.js';
import type { FoundNames } from './found-names.js';
import { capitalize } from './tokens.js';
import type { CodeEvidence } from './types.js';

// A word, then a version or a comparison with one, as code or text: `node < 0.10`, `node < `0.10``,
// `node >= 18`, `Node 20`, `Node 8.x-only`.
const beforeVersion = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.@/-])(\p{L}[\p{L}\p{N}]*) (?:(?:[<>]=?|[=~^]) ?(?:v?\d+(?:\.\d+)*|${codeMark})|v?\d+(?:\.(?:\d+|x))+|\d+(?![\p{L}\p{N}.,:]))`,
  'gu',
);
// A JavaScript runtime or framework by its full name: `Node.js`, `Deno.js`.
const fullName = /(?<![\p{L}\p{N}_.-])(\p{L}[\p{L}\p{N}]*)\.js(?![\p{L}\p{N}_])/giu;

/**
 * A program by its short name, wherever the prose writes it, in lower case or capitalised (`versions of
 * node`, `Linux + Node`, `node's underlying spawn`): a word the code runs or writes alone (`node`, no
 * English command word such as `make`) that the prose writes before a comparison with a version
 * (`node < 0.10`; before a bare version only if no English word: not `since 5.0.0`) or by its full name
 * (`Node.js`) where the prose never uses it as a common noun (`nodes`, `a node`: an AST's); or the stem of a known `.js` name before a version (`Node 8.x-only`, `Node 20`).
 */
export function addProgramNames(texts: readonly string[], found: FoundNames, code: CodeEvidence): void {
  const inCode = (lower: string) =>
    (code.commands.has(lower) || code.exact.has(lower)) && !isCommandWord(lower);
  const add = (lower: string) => {
    found.add(lower, 'shell command');
    found.add(capitalize(lower), 'shell command');
  };
  for (const text of texts) {
    for (const match of text.matchAll(beforeVersion)) {
      const word = match[1] as string;
      const lower = word.toLowerCase();
      // An English word before a bare version is prose (`since 5.0.0`); before a comparison, a program.
      const compared = /^[<>=~^]/u.test(match[0].slice(word.length + 1));
      if (
        (inCode(lower) && (compared || !isEnglishWord(lower))) ||
        namesLexicon().sourceOf(`${capitalize(word)}.js`) !== undefined
      )
        add(lower);
    }
    for (const match of text.matchAll(fullName)) {
      const lower = (match[1] as string).toLowerCase();
      if (inCode(lower) && !usedAsNoun(lower, texts)) add(lower);
    }
  }
}

/**
 * Whether the prose uses a word as a common noun, which a program's name is not: in the plural, or
 * after an article or a quantifier (`nodes that have a location`, `a node`, `each node`, `the given node`).
 */
function usedAsNoun(lower: string, texts: readonly string[]): boolean {
  let answers = nounUses.get(texts);
  if (answers === undefined) nounUses.set(texts, (answers = new Map()));
  let known = answers.get(lower);
  if (known === undefined) answers.set(lower, (known = writesAsNoun(lower, texts)));
  return known;
}

/** `usedAsNoun`'s answers, per document (its texts) and word: a program is named many times. */
const nounUses = new WeakMap<readonly string[], Map<string, boolean>>();

function writesAsNoun(lower: string, texts: readonly string[]): boolean {
  const word = escapeStringRegexp(lower);
  const noun = new RegExp(
    `(?<![\\p{L}\\p{N}_-])(?:${word}s|(?:a|an|each|every|another|any|given|other) ${word})(?![\\p{L}\\p{N}_-])`,
    'iu',
  );
  return texts.some((text) => noun.test(text));
}
