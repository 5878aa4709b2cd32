import { isCommandWord } from '../command-words.js';
import { isEnglishPrefix, isEnglishWord } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';
import { derivedWord, englishLike } from './english-like.js';
import { isEverydayName } from './everyday-names.js';
import type { FoundNames } from './found-names.js';
import { inTitledLink, siteSpelled, type LinkAddresses } from './link-addresses.js';
import type { ProseWords } from './prose-words.js';
import { inListOfWords, labelOrTitle } from './title-words.js';
import { capitalised, nameShaped, type Token } from './tokens.js';
import type { CodeEvidence, NameReason } from './types.js';

/** A block's text split in sentences, each marked when written in title case. */
export interface Sentence {
  readonly tokens: readonly Token[];
  readonly titleCase: boolean;
}

interface WordContext {
  readonly english: boolean;
  readonly found: FoundNames;
  readonly code: CodeEvidence;
  readonly prose: ProseWords;
  readonly links: LinkAddresses;
  readonly midSentence: Set<string>;
  /** A sentence's first two words, as written (`Often referred`): see `missingFullStop`. */
  readonly openers: ReadonlySet<string>;
}

/** Why a word of the names lexicon is kept, if it is: in English, a dictionary word is no brand by itself. */
function known(word: string, english: boolean): NameReason | undefined {
  const source = namesLexicon().sourceOf(word);
  const lower = word.toLowerCase();
  if (source && (!english || !isEnglishWord(lower)))
    return source === 'linguist' ? 'known name (linguist)' : 'known name (simple-icons)';
  return undefined;
}

/** Keeps a word, or the phrase it starts, that a link's site spells or the names lexicon holds. */
function addKnownWord(text: string, tokens: readonly Token[], index: number, context: WordContext): void {
  const { add } = context.found;
  const lexicon = namesLexicon();
  const token = tokens[index] as Token;
  // `Kata containers`, `Font Awesome` in a document that links to katacontainers.io,
  // fontawesome.com: capitalised words that spell the name of a site it links to.
  if (capitalised(token.word) || /^\p{Lu}{2,}/u.test(token.word)) {
    const site = siteSpelled(text, tokens, index, context.links.sites);
    if (site !== undefined) add(site, 'named by a link address');
  }
  // Known names of two words or more: `Red Hat`, `Docker Compose`.
  for (const phrase of lexicon.phrasesByFirstWord.get(token.word) ?? []) {
    const after = text.charAt(token.start + phrase.length);
    if (text.startsWith(phrase, token.start) && !/[\p{L}\p{N}]/u.test(after)) {
      add(phrase, known(phrase, context.english) ?? 'known name (simple-icons)');
      break;
    }
  }
  const reason = known(token.word, context.english);
  if (reason) add(token.word, reason);
  // `webpack`, `codecov`: a brand written in lower case, as its makers do, where no English word
  // nor one derived from it (`serverless`).
  const lowered = /^\p{Ll}[\p{Ll}\p{N}]+$/u.test(token.word)
    ? lexicon.sourceOfLowerCase(token.word)
    : undefined;
  if (lowered !== undefined && !reason && context.english && !englishLike(token.word, false))
    add(token.word, lowered === 'linguist' ? 'known name (linguist)' : 'known name (simple-icons)');
}

/**
 * Keeps a capitalised word that opens a sentence where the document says elsewhere that it is a
 * name (its code writes it, or its prose writes it capitalised only), or where a version follows it.
 */
function addSentenceStart(text: string, token: Token, context: WordContext): void {
  const { code, prose } = context;
  const lower = token.word.toLowerCase();
  // `Seccomp` at the start of a heading, in a document that runs `grep Seccomp`: a word of no
  // dictionary that the code writes is a name at the start of a sentence too (a compound of
  // dictionary words, as `Seccomp` looks, only where the code writes it capitalised; English
  // derivations such as `grep Virtualization` stay prose).
  if (
    (code.codeWords.has(lower) && !englishLike(lower)) ||
    (code.capitalisedInCode.has(token.word) && !englishLike(lower, false))
  )
    context.found.add(token.word, 'written as code');
  // `Zorblax watches folders. Zorblax is fast.`: a word of no dictionary, nor derived or compounded
  // from one, that the prose writes capitalised twice or more and never in lower case is a name at
  // the start of a sentence too (`Inline math`, `Emoji shortcodes` are jargon the list lacks; `Multi` of
  // `Multi-Stage` a prefix).
  else if (
    !englishLike(lower) &&
    !isEnglishPrefix(lower) &&
    !prose.lowerWords.has(lower) &&
    (prose.capitalisedCounts.get(token.word) ?? 0) >= 2
  )
    context.found.add(token.word, 'not an English word');
  // `Bun 1.0 or later.`, `Python 3.12 is required`: a known brand before a version is the brand.
  else if (
    namesLexicon().sourceOf(token.word) !== undefined &&
    /^ v?\d+\.\d+(?![\p{L}\p{N}])/u.test(text.slice(token.end))
  )
    context.found.add(token.word, 'known name before a version');
}

/** Whether a word follows a name-shaped word and a comma or `and` (`CDN, Workers`, `England and Wales`). */
function afterListedName(text: string, tokens: readonly Token[], token: Token): boolean {
  const at = tokens.indexOf(token);
  const joined = /^(?:and|or)$/u.test(tokens[at - 1]?.word ?? '');
  const previous = tokens[joined ? at - 2 : at - 1];
  return (
    previous !== undefined &&
    nameShaped(previous.word) &&
    /^(?:, ?| (?:and|or) | & )$/u.test(text.slice(previous.end, token.start))
  );
}

/** Whether a word follows another capitalised word of the middle of its sentence, a space away. */
function afterCapitalised(text: string, tokens: readonly Token[], token: Token): boolean {
  const previous = tokens[tokens.indexOf(token) - 1];
  return (
    previous !== undefined &&
    previous.mid &&
    capitalised(previous.word) &&
    text.slice(previous.end, token.start) === ' '
  );
}

/**
 * Whether a capitalised word mid-sentence opens a sentence whose full stop is missing: it follows a
 * lower-case word and a space, and the document opens a sentence with it and the word after it too
 * (`…this address' subnet Often referred to as…` where another line has `subnet. Often referred to`).
 */
function missingFullStop(
  text: string,
  tokens: readonly Token[],
  token: Token,
  openers: ReadonlySet<string>,
): boolean {
  const at = tokens.indexOf(token);
  const previous = tokens[at - 1];
  const next = tokens[at + 1];
  return (
    previous !== undefined &&
    next !== undefined &&
    /^\p{Ll}/u.test(previous.word) &&
    text.slice(previous.end, token.start) === ' ' &&
    openers.has(`${token.word} ${next.word}`)
  );
}

/**
 * A plural's singulars, in lower case (`cryptocurrency` of `cryptocurrencies`); none for a singular,
 * whose plural in lower case says nothing of it (`Array`, a class, beside `arrays`).
 */
function singulars(lower: string): string[] {
  if (lower.endsWith('ies')) return [`${lower.slice(0, -3)}y`];
  if (lower.endsWith('es')) return [lower.slice(0, -2), lower.slice(0, -1)];
  if (lower.endsWith('s') && !lower.endsWith('ss')) return [lower.slice(0, -1)];
  return [];
}

/** Keeps a capitalised word in the middle of a sentence that is not in title case, unless its capital says nothing. */
function addMidSentence(text: string, tokens: readonly Token[], token: Token, context: WordContext): void {
  const { names, add } = context.found;
  const lexicon = namesLexicon();
  const lower = token.word.toLowerCase();
  context.midSentence.add(token.word);
  // `Type 1 hypervisors` in a text that also writes `type`: a capitalised word, not a name.
  // (A word of no dictionary written both ways, `Buildah` and `buildah`, is a name both ways.)
  // A known name that is an English word too counts only where the prose writes it capitalised at
  // least as often as in lower case (`Docker Swarm`… `swarm`, not `Translate Text`… `the text`), or
  // after another capitalised word mid-sentence, with which it is judged (`Returns Stranger Things`).
  const known = lexicon.sourceOf(token.word) !== undefined;
  // `Cryptocurrencies` where the prose writes `cryptocurrency`: the word in lower case, in the singular.
  const inLower =
    context.prose.lowerProse.has(lower) ||
    (!known && singulars(lower).some((variant) => context.prose.lowerProse.has(variant)));
  if (
    inLower &&
    !context.links.lowerNames.has(lower) &&
    (!known ||
      (isEnglishWord(lower) &&
        !afterCapitalised(text, tokens, token) &&
        (context.prose.lowerCounts.get(lower) ?? 0) >
          (context.prose.capitalisedCounts.get(token.word) ?? 0))) &&
    englishLike(lower)
  )
    return;
  if (isEnglishWord(lower) && !lexicon.sourceOf(token.word) && !names.has(token.word)) {
    if (
      labelOrTitle(text, tokens, token, names) ||
      inListOfWords(text, tokens, token, names) ||
      inTitledLink(text, token, context.links) ||
      // `See the [Develop](…/tree/develop) branch`: a branch's name, kept in its link only.
      context.links.branches.has(token.word) ||
      // A noun or adjective made of an English word and a suffix, capitalised once in the whole
      // document (`Internals`, `Galleries`, `refer to the [Documentation]`), says nothing by its capital,
      // unless it follows a name in a list (`DNS, CDN, Workers`, `England and Wales`).
      ((context.prose.capitalisedCounts.get(token.word) ?? 0) <= 1 &&
        derivedWord(lower) &&
        !afterListedName(text, tokens, token))
    )
      return;
  }
  if (
    !lexicon.sourceOf(token.word) &&
    !names.has(token.word) &&
    englishLike(lower) &&
    missingFullStop(text, tokens, token, context.openers)
  )
    return;
  add(token.word, isEnglishWord(lower) ? 'capitalised mid-sentence' : 'not an English word');
}

/** Keeps a capitalised word by where it stands: opening a sentence, in its middle, in a title, alone. */
function addCapitalisedWord(
  text: string,
  sentence: Sentence,
  token: Token,
  alone: boolean,
  context: WordContext,
): void {
  const lower = token.word.toLowerCase();
  // `Use Multi-Stage Builds`: a prefix before its hyphen is no word, and no name.
  if (!isEnglishWord(lower) && text.charAt(token.end) === '-' && isEnglishPrefix(lower)) return;
  if (!token.mid) addSentenceStart(text, token, context);
  if (token.mid && !sentence.titleCase) addMidSentence(text, sentence.tokens, token, context);
  else if (token.mid && sentence.titleCase && !englishLike(lower) && /^\p{Lu}\p{Ll}+$/u.test(token.word)) {
    // In a title-cased heading capitals say nothing, but a capitalised word of no dictionary is
    // a name: `Podman, Buildah, Skopeo, OpenVZ, crun & Kata containers`.
    context.found.add(token.word, 'not an English word');
  } else if (alone && context.code.commands.has(lower) && !(context.english && isCommandWord(lower))) {
    // A table cell, heading or link that is the one word `Vagrant`, in a document that runs `vagrant`
    // (not `Yes` or `Type` where it runs `yes` and `type`: English words first).
    context.found.add(token.word, 'shell command');
  }
}

/**
 * The names single words write: known names, sites the links spell, and (in English) capitalised
 * words the code or the prose shows to be names. Returns the words capitalised mid-sentence.
 */
export function addWordNames(
  texts: readonly string[],
  split: ReadonlyArray<readonly Sentence[]>,
  context: Omit<WordContext, 'midSentence' | 'openers'>,
): Set<string> {
  const openers = new Set<string>();
  for (const [at, text] of texts.entries())
    for (const { tokens } of split[at] ?? []) {
      const [first, second] = tokens;
      if (
        first !== undefined &&
        second !== undefined &&
        !first.mid &&
        text.slice(first.end, second.start) === ' '
      )
        openers.add(`${first.word} ${second.word}`);
    }
  const full: WordContext = { ...context, midSentence: new Set<string>(), openers };
  for (const [at, text] of texts.entries()) {
    const parts = split[at] ?? [];
    const alone = parts.length === 1 && parts[0]?.tokens.length === 1;
    for (const sentence of parts)
      for (const [index, token] of sentence.tokens.entries()) {
        addKnownWord(text, sentence.tokens, index, full);
        if (!full.english || !capitalised(token.word) || isEverydayName(token.word)) continue;
        addCapitalisedWord(text, sentence, token, alone, full);
      }
  }
  return full.midSentence;
}
