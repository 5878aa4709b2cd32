import { grammarWords } from './capitalised-runs.js';
import { strongLead } from './name-leads.js';
import type { AddName } from './types.js';

/**
 * Whether `short` is made of the beginnings of the words, in order and as written, each word giving
 * one letter or more: `Dom0` of `Domain 0`, `DomU` of `Domain U`.
 */
function abbreviates(short: string, words: readonly string[]): boolean {
  const [word, ...rest] = words;
  if (word === undefined) return short === '';
  for (let length = Math.min(word.length, short.length); length >= 1; length--)
    if (short.startsWith(word.slice(0, length)) && abbreviates(short.slice(length), rest)) return true;
  return false;
}

/**
 * Capitalised words right before their acronym are the name the acronym stands for: `Amazon Web
 * Services (AWS)`, `GitHub Container Registry (GHCR)`, `HashiCorp Configuration Language (HCL)`.
 * Terms of the field are kept this way too (`Mandatory Access Control (MAC)`): with the acronym kept
 * in English, its expansion is the term's proper name, and a translated one would no longer spell it.
 * So are words before a short form made of their beginnings (`Domain 0 (Dom0)`, `Domain U (DomU)`:
 * a word and a digit or letter), and the expansion in parentheses after its acronym, in the case
 * its writer gave it (`OCI (Open container Initiative)`, `CNCF (Cloud Native Computing Foundation)`).
 */
export function addExpansions(text: string, midSentence: ReadonlySet<string>, add: AddName): void {
  for (const match of text.matchAll(/ \((\p{Lu}[\p{L}\p{N}]{1,7})\)/gu)) {
    const acronym = match[1] as string;
    const words =
      /(?:[\p{Lu}\p{N}][\p{L}\p{N}]* )*[\p{Lu}\p{N}][\p{L}\p{N}]*$/u
        .exec(text.slice(0, match.index))?.[0]
        .split(' ') ?? [];
    const short = /[\p{Ll}\p{N}]/u.test(acronym);
    for (let count = 2; count <= Math.min(words.length, acronym.length); count++) {
      const expansion = words.slice(-count);
      if (!/^\p{Lu}/u.test(expansion[0] as string)) continue;
      const initials = expansion.map((word) => word.charAt(0)).join('');
      const capitals = expansion.map((word) => word.replace(/[^\p{Lu}]/gu, '')).join('');
      if (
        initials === acronym ||
        capitals === acronym ||
        (short &&
          expansion.some((word) => /^\p{N}+$|^\p{Lu}$/u.test(word)) &&
          abbreviates(acronym, expansion))
      ) {
        // `Amazon Elastic Container Registry (ECR)`: a brand before the expansion belongs to it.
        const brand = words.at(-count - 1);
        if (brand !== undefined && (midSentence.has(brand) || strongLead(brand))) {
          expansion.unshift(brand);
          // The brand names its products by itself too: `Amazon` of `Template Amazon`.
          add(brand, midSentence.has(brand) ? 'capitalised mid-sentence' : 'not an English word');
        }
        add(expansion.join(' '), 'expansion of an acronym');
        break;
      }
    }
  }
  for (const match of text.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}{2,6}) \((\p{Lu}\p{Ll}*(?: \p{L}+){1,6})\)/gu)) {
    const [, acronym = '', expansion = ''] = match;
    const words = expansion.split(' ');
    const initials = (each: readonly string[]) => each.map((word) => word.charAt(0).toUpperCase()).join('');
    if (
      initials(words) === acronym ||
      initials(words.filter((word) => !grammarWords.has(word.toLowerCase()))) === acronym
    )
      add(expansion, 'expansion of an acronym');
  }
}
