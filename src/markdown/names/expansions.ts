import { strongLead } from './name-leads.js';
import type { AddName } from './types.js';

/**
 * Capitalised words right before their acronym are the name the acronym stands for: `Amazon Web
 * Services (AWS)`, `GitHub Container Registry (GHCR)`, `HashiCorp Configuration Language (HCL)`.
 * Terms of the field are kept this way too (`Mandatory Access Control (MAC)`): with the acronym kept
 * in English, its expansion is the term's proper name, and a translated one would no longer spell it.
 */
export function addExpansions(text: string, midSentence: ReadonlySet<string>, add: AddName): void {
  for (const match of text.matchAll(/ \((\p{Lu}[\p{Lu}\p{N}]{1,5})\)/gu)) {
    const acronym = match[1] as string;
    const words =
      /(?:[\p{Lu}][\p{L}\p{N}]* )*[\p{Lu}][\p{L}\p{N}]*$/u.exec(text.slice(0, match.index))?.[0].split(' ') ??
      [];
    for (let count = 2; count <= Math.min(words.length, acronym.length); count++) {
      const expansion = words.slice(-count);
      const initials = expansion.map((word) => word.charAt(0)).join('');
      const capitals = expansion.map((word) => word.replace(/[^\p{Lu}]/gu, '')).join('');
      if (initials === acronym || capitals === acronym) {
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
}
