import type { Root } from 'mdast';
import { isEnglishPrefix } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';
import { eachNode, plainText } from '../tree-walk.js';
import { englishLike, nearEnglishWord } from './english-like.js';
import { isEverydayName, isTimeZoneCity } from './everyday-names.js';
import type { FoundNames } from './found-names.js';
import type { CodeEvidence } from './types.js';

/**
 * A table cell that opens with a word nothing in English explains names something: `| Smithsonian
 * Design Museum |`, `| Marta |`, `| Mathias Bynens |`. The word is capitalised, five letters or more, no
 * dictionary word nor derived or compounded from one (`Cryptocurrency`, `Geolocation`), no prefix
 * (`Multi`), no month, country, people or time-zone city (`Indonesian`, `Toronto`), and not one letter
 * off a dictionary word (`Govornment`, a typo as often as a name). A cell reads as a label, not a
 * sentence: its first word is not capitalised by grammar alone as often as a paragraph's is. Names
 * known otherwise (the code writes `Hookified`, the lexicon knows `Django`) keep their reason.
 */
export function addCellLeads(tree: Root, found: FoundNames, code: CodeEvidence): void {
  eachNode(tree, (table) => {
    if (table.type !== 'table') return;
    for (const row of table.children.slice(1))
      for (const cell of row.children) {
        const word = /^\s*(\p{Lu}\p{Ll}{4,})(?![\p{L}\p{N}_.'’/-])/u.exec(plainText(cell))?.[1];
        if (word === undefined || found.names.has(word)) continue;
        const lower = word.toLowerCase();
        if (
          code.codeWords.has(lower) ||
          code.exact.has(word) ||
          namesLexicon().sourceOf(word) !== undefined ||
          englishLike(lower) ||
          isEnglishPrefix(lower) ||
          isEverydayName(word) ||
          isTimeZoneCity(word) ||
          nearEnglishWord(lower)
        )
          continue;
        found.add(word, 'not an English word');
      }
  });
}
