import { METHODS } from 'node:http';
import type { Nodes, Root } from 'mdast';
import { isEnglishWord, isEverydayWord } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';
import { eachNode, plainText } from '../tree-walk.js';
import { derivedWord } from './english-like.js';
import type { FoundNames } from './found-names.js';
import type { CodeEvidence, ShoutedWords } from './types.js';

// `GET`, `POST`, `DELETE`, `OPTIONS`: an HTTP method is named, not shouted.
const httpMethods = new Set(METHODS);

const capitals = /(?<![\p{L}\p{N}_./-])\p{Lu}{2,}(?![\p{L}\p{N}_/+-])/gu;
// Another word in capitals right before or after, or across `and`, `or`, `&`, a comma or a slash.
const pairedBefore = /(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}\p{N}]+(?: | and | or | & |, ?|\/)$/u;
const pairedAfter = /^(?: | and | or | & |, ?|\/)\p{Lu}[\p{Lu}\p{N}]+(?![\p{L}\p{N}])/u;

/**
 * English words written in capitals to shout them, which are the ordinary words whatever their
 * capitals (`Pay **ATTENTION** that`, `Please do NOT report`, `REMOVED in 3.x`), unlike acronyms that
 * are dictionary words too (`RAM`, `GNU`, `NAT`, `IT services`, `REST API`). Never an HTTP method, a
 * word the code writes, a name the document or the names lexicon knows, nor the whole text of a link
 * (`[CONTRIBUTING](CONTRIBUTING.md)`). Shouted are:
 *
 * - words in capitals emphasised in running prose (`This method is **NOT** used`), at that place;
 * - a verb's `-ED` or `-ING` form (`REMOVED`, `DEPRECATED`, `LEARNING`), which no acronym is;
 * - one of the 1,000 words most spoken in English, of three letters or more, written in capitals once
 *   or twice (emphasis aside) and not beside another word in capitals (`do NOT report`, `NEW:`,
 *   `with FULL unicode`; not `REST` of `REST API`, `SET` of `SET and DELETE`). Two letters (`IT`,
 *   `US`, `NO`) say too little.
 */
export function findShoutedWords(
  tree: Root,
  texts: readonly string[],
  found: FoundNames,
  code: CodeEvidence,
): ShoutedWords {
  const linkedFiles = new Set<string>();
  eachNode(tree, (node) => {
    if (node.type === 'link') linkedFiles.add(plainText(node).trim());
  });
  const shoutable = (word: string) =>
    /^\p{Lu}{2,}$/u.test(word) &&
    isEnglishWord(word.toLowerCase()) &&
    !httpMethods.has(word) &&
    !found.names.has(word) &&
    !code.exact.has(word) &&
    !code.capsInCode.has(word) &&
    !linkedFiles.has(word) &&
    namesLexicon().sourceOf(word) === undefined;

  const places = new Set<number>();
  // How often each word is shouted by emphasis, which the count of words in capitals leaves out.
  const emphasised = new Map<string, number>();
  eachNode(tree, (node) => {
    if (!('children' in node)) return;
    for (const [at, child] of (node.children as Nodes[]).entries()) {
      if (child.type !== 'strong' && child.type !== 'emphasis') continue;
      const only = child.children.length === 1 ? child.children[0] : undefined;
      const start = only?.position?.start.offset;
      if (only?.type !== 'text' || start === undefined || !inRunningProse(node.children as Nodes[], at))
        continue;
      const shouted = [...only.value.matchAll(/\S+/gu)];
      if (shouted.length > 0 && shouted.every(([word]) => shoutable(word)))
        for (const match of shouted) {
          places.add(start + match.index);
          emphasised.set(match[0], (emphasised.get(match[0]) ?? 0) + 1);
        }
    }
  });
  const capsCounts = new Map<string, number>();
  const paired = new Set<string>();
  for (const text of texts)
    for (const match of text.matchAll(capitals)) {
      const [word] = match;
      const end = match.index + word.length;
      capsCounts.set(word, (capsCounts.get(word) ?? 0) + 1);
      if (
        pairedBefore.test(text.slice(Math.max(0, match.index - 40), match.index)) ||
        pairedAfter.test(text.slice(end, end + 40))
      )
        paired.add(word);
    }
  const words = new Set<string>();
  for (const [word, count] of capsCounts) {
    if (word.length < 3 || !shoutable(word)) continue;
    const lower = word.toLowerCase();
    if (
      (/(?:ED|ING)$/u.test(word) && derivedWord(lower)) ||
      (count - (emphasised.get(word) ?? 0) <= 2 && !paired.has(word) && isEverydayWord(lower))
    )
      words.add(word);
  }

  return { words, places };
}

/**
 * Whether the words of an emphasis stand in running prose: a lower-case word of the same paragraph
 * right before or after them, and no colon after them (`**RAM**: 16 GB` is a label; `LCH -> **LAB** ->`
 * no sentence).
 */
function inRunningProse(siblings: readonly Nodes[], at: number): boolean {
  const textOf = (node: Nodes | undefined) => (node?.type === 'text' ? node.value : '');
  const before = textOf(siblings[at - 1]);
  const after = textOf(siblings[at + 1]);
  if (/^\s*:/u.test(after)) return false;
  return /(?<![\p{L}\p{N}])\p{Ll}+ $/u.test(before) || /^ \p{Ll}+(?![\p{L}\p{N}])/u.test(after);
}
