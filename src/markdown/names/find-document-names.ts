import type { Root } from 'mdast';
import { plainText } from '../tree-walk.js';
import { placeSignatures } from './api-headings.js';
import { placeBrandsInContext } from './brand-context.js';
import { addCellLeads } from './cell-leads.js';
import { addCitationNames } from './citations.js';
import { collectCode } from './code-evidence.js';
import { placeCodeLinks } from './code-links.js';
import { readDocument } from './document-walk.js';
import { foundNames, type FoundNames } from './found-names.js';
import { addListLabels } from './list-labels.js';
import { addLowerCaseColumns } from './lower-case-column.js';
import { addLowerCaseNames } from './lower-case-names.js';
import { strongLead } from './name-leads.js';
import { addNameTails } from './name-tails.js';
import { addNameVariants } from './name-variants.js';
import { addOneLetterLanguages } from './one-letter-languages.js';
import { addPeopleNames } from './people.js';
import { addPhraseNames } from './phrase-names.js';
import { proseWords } from './prose-words.js';
import { isTitleCase } from './title-words.js';
import { findShoutedWords } from './shouted-words.js';
import { sentences } from './tokens.js';
import type { DocumentNames } from './types.js';
import { addProgramNames } from './program-names.js';
import { addWordNames } from './word-names.js';

/** A word kept alone for what it names, not for what the code does with it. */
function makerKept(found: FoundNames, word: string): boolean {
  const reason = found.names.get(word);
  return reason !== undefined && reason !== 'written as code' && reason !== 'shell command';
}

type NameOptions = { glossary?: readonly string[]; terms?: readonly string[]; english: boolean };

// A tree's names per settings: the source's names are read once per run, though the source's terms are
// found again for `terms`, the openai prompt and the output read back for edits (`namesFrom`).
const known = new WeakMap<Root, Map<string, DocumentNames>>();

/**
 * The names a document writes, from its own evidence (code, commands, paths in link text, capitals in
 * the middle of a sentence) and the names lexicon. English heuristics apply to English sources only.
 * Found once per tree and settings; the tree must not change after.
 */
export function findDocumentNames(tree: Root, options: NameOptions): DocumentNames {
  const key = JSON.stringify([options.glossary ?? [], options.terms ?? [], options.english]);
  let byOptions = known.get(tree);
  if (byOptions === undefined) known.set(tree, (byOptions = new Map()));
  let names = byOptions.get(key);
  if (names === undefined) byOptions.set(key, (names = readNames(tree, options)));
  return names;
}

function readNames(tree: Root, options: NameOptions): DocumentNames {
  const { english } = options;
  const code = collectCode(tree);
  const found = foundNames(options.glossary ?? [], options.terms ?? []);
  const { blocks, links } = readDocument(tree, found, english);
  placeSignatures(tree, found.place);
  if (english) placeCodeLinks(tree, found, code);
  const texts = blocks.map((block) => plainText(block));
  addCitationNames(texts, found);
  const prose = proseWords(texts);
  const split = texts.map((text) =>
    sentences(text).map((tokens) => ({ tokens, titleCase: english && isTitleCase(tokens) })),
  );
  const midSentence = addWordNames(texts, split, { english, found, code, prose, links });
  addProgramNames(texts, found, code);
  if (english) {
    placeBrandsInContext(tree, found.place);
    addPhraseNames(texts, split, { found, code, prose, links, midSentence });
    addPeopleNames(texts, split, found, prose, code);
    addLowerCaseNames(texts, split, found, code);
    addLowerCaseColumns(tree, found);
    addOneLetterLanguages(texts, split, found);
    addListLabels(tree, found, code);
    addNameTails(found, (word) => /^\p{Lu}{2,}$/u.test(word) || strongLead(word) || makerKept(found, word));
    addNameVariants(split, found, code);
    addCellLeads(tree, found, code);
  }
  const shouted = english
    ? findShoutedWords(tree, texts, found, code)
    : { words: new Set<string>(), places: new Set<number>() };
  return { names: found.names, placed: found.placed, ...code, midSentence, shouted };
}
