import type { ListItem, Root } from 'mdast';
import { namesLexicon } from '../names-lexicon.js';
import { eachNode, plainText } from '../tree-walk.js';
import { isEnglishWord } from '../english-words.js';
import { derivedWord, englishLike } from './english-like.js';
import type { FoundNames } from './found-names.js';
import { keptByShapeOrCode } from './lower-case-names.js';
import { grammarWords } from './capitalised-runs.js';
import { nameShaped } from './tokens.js';
import type { CodeEvidence } from './types.js';

/** A dictionary word or one derived from it (`installation`), not a compound of two (`countrylayer`). */
const listedOrDerived = (lower: string) => isEnglishWord(lower) || derivedWord(lower);

/** The label of a list item: its text when it is one link or one bold phrase, or the words before its first colon. */
function itemLabel(item: ListItem): string | undefined {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return undefined;
  const children = paragraph.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  const [first, next] = children;
  if (first === undefined) return undefined;
  if (children.length === 1 && (first.type === 'link' || first.type === 'strong'))
    return plainText(first).trim().replace(/:$/u, '');
  if (first.type === 'strong' && next?.type === 'text' && /^\s*(?::|→|–|—|- )/u.test(next.value))
    return plainText(first).trim();
  if (first.type === 'strong' && /:$/u.test(plainText(first).trim()))
    return plainText(first).trim().slice(0, -1);
  if (first.type === 'text') return /^([^:\n]{2,60}): \S/u.exec(first.value)?.[1];
  return undefined;
}

/** A label without what it adds in parentheses: `Google Artifact Registry` of `Google Artifact Registry (formerly GCR)`. */
const bare = (label: string) => label.replace(/\s+\([^()]*\)$/u, '').trim();

/**
 * Whether a label is a name from end to end: a run of kept names, known names and words that name
 * by their shape (`Amazon` + `Elastic Container Registry`, `Oracle VirtualBox`, `QEMU`).
 */
function wholeName(label: string, found: FoundNames): boolean {
  const lexicon = namesLexicon();
  const words = label.split(' ');
  const named = (phrase: string) =>
    found.names.has(phrase) ||
    lexicon.sourceOf(phrase) !== undefined ||
    (!phrase.includes(' ') &&
      (/^\p{Lu}{2,}|\p{Ll}\p{Lu}|[\p{N}.]/u.test(phrase) ||
        phrase
          .toLowerCase()
          .split('-')
          .some((part) => !englishLike(part))));
  // Whether the words from `at` on split into names.
  const from = (at: number): boolean =>
    at === words.length ||
    words.some((_, end) => end >= at && named(words.slice(at, end + 1).join(' ')) && from(end + 1));
  return words.length <= 6 && from(0);
}

/**
 * A list of three items or more, two thirds of them or more labelled by a whole name (`Git`, `Oracle
 * VirtualBox`, `Amazon Elastic Container Registry (ECR)`), names the rest of its labels too when they
 * are written as names: `Parallels Desktop`, `Vagrant VMware Utility` (a second name in it). A name
 * followed by dictionary words is a title about it (`LXD Installation` beside `LXD Canonical`,
 * `GitHub Emoji Cheat Sheet`) unless a whole name of the list ends as it does (`Google Artifact
 * Registry` beside `Azure Container Registry (ACR)`). One word is kept only when a known brand or no
 * dictionary word: a closed compound no dictionary lists names a product there (`Countrylayer`,
 * `Positionstack` beside `IPstack`, `Serpstack`), a derived word does not (`Installation`).
 */
export function addListLabels(tree: Root, found: FoundNames, code: CodeEvidence): void {
  const lexicon = namesLexicon();
  const isName = (word: string) =>
    found.names.has(word) || lexicon.sourceOf(word) !== undefined || /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(word);
  eachNode(tree, (node) => {
    if (node.type !== 'list' || node.children.length < 3) return;
    const labels = node.children.map(itemLabel);
    if (labels.some((label) => label === undefined)) return;
    const names = (labels as string[]).map(bare);
    const wholes = names.filter((name) => wholeName(name, found));
    if (wholes.length < 2 || wholes.length * 3 < names.length * 2) return;
    const endings = new Set(wholes.map((name) => name.split(' ').at(-1)));
    for (const name of names) {
      const words = name.split(' ');
      const [word = '', ...rest] = words;
      if (
        words.length > 5 ||
        found.names.has(name) ||
        !words.every(nameShaped) ||
        grammarWords.has(word.toLowerCase())
      )
        continue;
      if (
        words.length === 1 &&
        (keptByShapeOrCode(word, code) ||
          (lexicon.sourceOf(word) === undefined && listedOrDerived(word.toLowerCase())))
      )
        continue;
      const title =
        isName(word) &&
        !rest.some(
          (each) => /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(each) || lexicon.sourceOf(each) !== undefined,
        ) &&
        !endings.has(words.at(-1));
      if (rest.length > 0 && title) continue;
      found.add(name, 'item of a list of names');
    }
  });
}
