import type { Root } from 'mdast';
import { isCommandWord } from '../command-words.js';
import { addressWords } from '../link-names.js';
import { namesLexicon } from '../names-lexicon.js';
import { nodeRange } from '../node-range.js';
import { eachNode } from '../tree-walk.js';
import { isTitleCase } from './title-words.js';
import { sentences } from './tokens.js';
import type { PlaceName } from './types.js';

// What a program makes or is made of, named after it: `Mocha tests`, `Chrome extension`, `Sketch plugin`.
const kind = String.raw`(?:plugin|extension|add-?on|task|test|app|integration|module|package|binding|wrapper|loader|preset|theme|binary|binarie)s?`;
const beforeKind = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.-])((?:\p{Lu}\p{Ll}+ ){0,2}\p{Lu}\p{Ll}+) ${kind}(?![\p{L}\p{N}_-])`,
  'gu',
);
// A platform an app belongs to: `Preview on macOS`, `Photos for Windows`.
const beforePlatform =
  /(?<=\p{Ll}[\p{Ll},]* )(\p{Lu}\p{Ll}+) (?:on|for) (?:macOS|Mac OS X|OS X|Windows|Linux|iOS|iPadOS|Android|ChromeOS)(?![\p{L}\p{N}_-])/gu;
// A group named in lower case, as its makers write it: `the unified collective`.
const beforeGroup =
  /(?<=\bthe )(\p{Ll}[\p{Ll}\p{N}-]+) (?:collective|organi[sz]ation|org)(?![\p{L}\p{N}_-])/gu;

/**
 * Whether capitalised words are a known brand: a known name of two or three words (`Visual Studio
 * Code`), or one word known as written, in lower case (`Gulp` of `gulp`) or after its maker (`Chrome` of
 * `Google Chrome`); no English command (`Make`, `Note`).
 */
function knownBrand(word: string): boolean {
  if (isCommandWord(word.toLowerCase())) return false;
  const lexicon = namesLexicon();
  if (word.includes(' ')) return lexicon.sourceOf(word) !== undefined;
  // A brand its makers write in lower case (`gulp`) counts capitalised here, before its kind.
  if (lexicon.sourceOfLowerCase(word.toLowerCase()) !== undefined) return true;
  return [word, ...makers.map((maker) => `${maker} ${word}`)].some(
    (name) => lexicon.sourceOf(name) !== undefined,
  );
}

const makers = ['Google', 'Apple', 'Microsoft', 'Mozilla', 'Adobe', 'Amazon'];

/**
 * Dictionary words told to be names by the word next to them, kept there only (elsewhere the same
 * word is prose): a known brand before what is made for it or of it (`Mocha tests`, `the SwitchyOmega
 * Chrome extension`, `| Sketch plugin |`), a capitalised word mid-sentence before the platform it runs
 * on (`Preview on macOS`), and a group the document's links name in lower case (`the unified
 * collective`, linked at opencollective.com/unified). English sources only.
 */
export function placeBrandsInContext(tree: Root, place: PlaceName): void {
  const groups = new Set<string>();
  eachNode(tree, (node) => {
    if (
      node.type === 'link' ||
      node.type === 'definition' ||
      node.type === 'image' ||
      node.type === 'imageReference'
    )
      if ('url' in node) {
        const { site, folders } = addressWords(node.url);
        for (const word of [...site, ...folders]) groups.add(word);
      }
  });
  eachNode(tree, (node) => {
    if (node.type !== 'text') return;
    const { start, end } = nodeRange(node);
    // Offsets of the value are the source's only where it has no escape nor character reference.
    if (end - start !== node.value.length) return;
    const text = node.value;
    const keep = (at: number, word: string) =>
      place({ start: start + at, end: start + at + word.length }, 'named by the word next to it');
    for (const match of text.matchAll(beforeKind)) {
      // The longest known name that ends before the kind: `Visual Studio Code plugin`, `Sketch plugin`.
      const words = (match[1] as string).split(' ');
      const from = words.findIndex((_, at) => knownBrand(words.slice(at).join(' ')));
      if (from >= 0)
        keep(
          match.index + words.slice(0, from).join(' ').length + (from > 0 ? 1 : 0),
          words.slice(from).join(' '),
        );
    }
    const titled = sentences(text).some((tokens) => isTitleCase(tokens));
    if (!titled) for (const match of text.matchAll(beforePlatform)) keep(match.index, match[1] as string);
    for (const match of text.matchAll(beforeGroup)) {
      const word = match[1] as string;
      if (groups.has(word)) keep(match.index, word);
    }
  });
}
