export interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** Whether a word of the same sentence comes before it. */
  readonly mid: boolean;
}

// A full stop, a line break, or a spaced dash, bar or dot (`Live Editor – Prototype instantly`,
// `[Docker](…) · [Read the guide](…)`).
const sentenceEnd = /[.!?:;]\s|\n|\s[-–—|·•]\s/u;

/** The words of one block, sentence by sentence. */
export function sentences(text: string): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  let last = 0;
  let seenWord = false;
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu)) {
    const between = text.slice(last, match.index);
    if (sentenceEnd.test(between) || /[.!?:;]$|\s[-–—|·•]$/.test(between)) {
      if (current.length > 0) out.push(current);
      current = [];
      seenWord = false;
    }
    const word = match[0].replace(/['’]s?$/u, '');
    current.push({ word, start: match.index, end: match.index + word.length, mid: seenWord });
    // Numbers (`351.1 Virtualization`) and a lone capital (`[X] Create`) do not start the sentence,
    // nor does code (`` `<` Less than ``), which is no word.
    if (/\p{Ll}/u.test(word)) seenWord = true;
    last = match.index + match[0].length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** A word written with a capital and then lower case: `Docker`, `Harbor`. */
export const capitalised = (word: string) => /^\p{Lu}\p{Ll}/u.test(word);

/** A word shaped as a name: capitalised, in capitals (`QEMU`, `URLs`) or CamelCase (`vSwitch`). */
export const nameShaped = (word: string) =>
  capitalised(word) || /^\p{Lu}{2,}\p{Ll}*$|\p{Ll}\p{Lu}/u.test(word);

/** The word with its first letter in capitals: `vagrant` → `Vagrant`. */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
