import { inWordList, isEnglishWord } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';

const suffixes = [
  'izations',
  'ization',
  'isation',
  'ations',
  'ation',
  'ments',
  'ment',
  'ness',
  'ity',
  'ers',
  'er',
  'ing',
  'ed',
  'es',
  's',
  'ly',
  'able',
  'ible',
  'less',
  'ful',
];

const ySuffixes = ['iest', 'ier', 'ies', 'ied', 'ily'];

/**
 * A dictionary word, one with an English suffix (`virtualization`) or a compound of two
 * (`hypervisor`, `namespaces`), as jargon is; `buildah`, `skopeo` and `libvirt` are not. `shortest`
 * is the fewest letters of each word of a compound (`blockchain`, not `genprof` with four).
 */
export function englishLike(lower: string, compound = true, shortest = 3): boolean {
  if (isEnglishWord(lower)) return true;
  // A contraction (`you'll`, `doesn't`, `we're`) is the word it contracts.
  const contracted = /^(\p{L}+?)(?:n['’]t|['’](?:ll|re|ve|d|m|t))$/u.exec(lower)?.[1];
  if (contracted !== undefined) return isEnglishWord(contracted) || isEnglishWord(`${contracted}n`);
  const derived = derivedWord(lower);
  if (derived || !compound) return derived;
  // Compounds of two words of three letters or more: `hypervisor`, `runtime`, `filesystem`, `plugins`.
  for (let at = shortest; at <= lower.length - shortest; at++)
    if (isEnglishWord(lower.slice(0, at)) && englishLike(lower.slice(at), false)) return true;
  return false;
}

/** An English word and a suffix (`internals`, `documentation`, `galleries`), whether listed or not. */
export function derivedWord(lower: string): boolean {
  return (
    suffixes.some((suffix) => {
      const stem = lower.slice(0, -suffix.length);
      return lower.endsWith(suffix) && stem.length >= 3 && (isEnglishWord(stem) || isEnglishWord(`${stem}e`));
    }) ||
    // A `y` turned `i` before a suffix: `jiffier`, `comfiest`, `replies`.
    ySuffixes.some((suffix) => lower.endsWith(suffix) && isEnglishWord(`${lower.slice(0, -suffix.length)}y`))
  );
}

/** A plural of an English noun, capitalised (`Prices`, `Wallets`) or not, and no known name. */
export function isCommonPlural(word: string): boolean {
  const lower = word.toLowerCase();
  if (!/^\p{Lu}?\p{Ll}+s$/u.test(word) || !isEnglishWord(lower) || namesLexicon().sourceOf(word))
    return false;
  return isEnglishWord(lower.slice(0, -1)) || (lower.endsWith('es') && isEnglishWord(lower.slice(0, -2)));
}

/**
 * One letter off a dictionary word (a letter added, dropped, changed, or two swapped): `govornment`,
 * `liqour`. A typo as often as a name (`Quran`, `Covid`), so it proves nothing either way.
 */
export function nearEnglishWord(lower: string): boolean {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let at = 0; at <= lower.length; at++) {
    const before = lower.slice(0, at);
    if (at < lower.length && inWordList(before + lower.slice(at + 1))) return true;
    if (at + 1 < lower.length && inWordList(before + lower[at + 1] + lower[at] + lower.slice(at + 2)))
      return true;
    for (const letter of letters) {
      if (at < lower.length && inWordList(before + letter + lower.slice(at + 1))) return true;
      if (inWordList(before + letter + lower.slice(at))) return true;
    }
  }
  return false;
}
