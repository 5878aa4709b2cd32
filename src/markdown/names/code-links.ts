import type { Root } from 'mdast';
import { isEnglishWord } from '../english-words.js';
import { addressWords } from '../link-names.js';
import { childrenRange } from '../node-range.js';
import { eachNode, plainText } from '../tree-walk.js';
import type { FoundNames } from './found-names.js';
import type { CodeEvidence } from './types.js';

/**
 * A link whose text is one lower-case dictionary word that the code writes and the address spells
 * names the tool it points to, at that link: `[verb](https://github.com/verbose/verb-generate-readme)`
 * where the code runs `… && verb`. Elsewhere the word is the ordinary word (`a verb`).
 */
export function placeCodeLinks(tree: Root, found: FoundNames, code: CodeEvidence): void {
  eachNode(tree, (node) => {
    if (node.type !== 'link' || !/^https?:\/\//iu.test(node.url)) return;
    const text = plainText(node).trim();
    if (!/^\p{Ll}{3,}$/u.test(text) || !isEnglishWord(text) || !code.codeWords.has(text)) return;
    const address = addressWords(node.url);
    const range = childrenRange(node.children);
    if (range !== undefined && (address.site.has(text) || address.folders.has(text)))
      found.place(range, 'named by a link address');
  });
}
