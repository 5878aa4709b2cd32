import { grammarWords } from './capitalised-runs.js';
import type { FoundNames } from './found-names.js';
import type { NameReason } from './types.js';

/** Reasons that say a name of several words is one product's name, whatever its maker's word. */
const productReasons = new Set<NameReason>([
  'multi-word name',
  'expansion of an acronym',
  'known name (simple-icons)',
  'item of a list of names',
]);

/**
 * A product named after its maker is named without it too, once the document has written it whole:
 * `Guest Agent` (a heading, a link) where the document writes `QEMU Guest Agent`, `Artifact Registry`
 * after `Google Artifact Registry`. Only the maker's one word is dropped (a word in capitals, CamelCase or
 * of no dictionary, or a name kept alone), and what is left must be two capitalised words or more, none
 * a name by itself (`TCG Information` is a name and a word, judged as such) nor a word of grammar: `Red Hat` leaves no `Hat`, `Citrix Virtual Apps and Desktops` no `Virtual Apps and
 * Desktops`, and a possessive no name (`Tokopedia's Official API`).
 */
export function addNameTails(found: FoundNames, leads: (word: string) => boolean): void {
  for (const [name, reason] of [...found.names]) {
    if (!productReasons.has(reason)) continue;
    const words = name.split(' ');
    const [maker = '', ...tail] = words;
    // `Tokopedia's Official API`: what a possessive owns is described, not named.
    if (
      tail.length < 2 ||
      /['’]/u.test(maker) ||
      !leads(maker) ||
      !tail.every(
        (word) =>
          /^\p{Lu}\p{Ll}+$/u.test(word) && !found.names.has(word) && !grammarWords.has(word.toLowerCase()),
      )
    )
      continue;
    found.add(tail.join(' '), 'product named without its maker');
  }
}
