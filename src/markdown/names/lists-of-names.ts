import { namesLexicon } from '../names-lexicon.js';
import { englishLike } from './english-like.js';
import { strongLead } from './name-leads.js';
import { capitalised, nameShaped, type Token } from './tokens.js';
import type { AddName, NameReason } from './types.js';

interface ListItem {
  readonly words: readonly Token[];
  readonly text: string;
}

interface ListContext {
  readonly names: ReadonlyMap<string, NameReason>;
  readonly codeWords: ReadonlySet<string>;
  readonly add: AddName;
  readonly commonPlural: (word: string) => boolean;
}

/**
 * The lists of capitalised words of a sentence, item by item: items are separated by commas, `&`,
 * `and` or `or`; an `and` followed by more of the list joins its neighbours into one item
 * (`Citrix Virtual Apps and Desktops, VMware Horizon`).
 */
function listsOfWords(text: string, tokens: readonly Token[]): ListItem[][] {
  const lists: ListItem[][] = [];
  let list: ListItem[] = [];
  let item: Token[] = [];
  const endItem = () => {
    const first = item[0];
    const last = item.at(-1);
    if (first !== undefined && last !== undefined)
      list.push({ words: item, text: text.slice(first.start, last.end) });
    item = [];
  };
  const endList = () => {
    endItem();
    lists.push(list);
    list = [];
  };
  let separated = false;
  for (const [at, token] of tokens.entries()) {
    const previous = tokens[at - 1];
    const between = previous === undefined ? '' : text.slice(previous.end, token.start);
    const next = tokens[at + 1];
    if (!nameShaped(token.word)) {
      const before = /^(?:,? )$/u.test(between) && item.length > 0;
      const after = next !== undefined && text.slice(token.end, next.start) === ' ' && nameShaped(next.word);
      // `Apps and Desktops, VMware`: an `and` with more of the list after it is part of an item.
      if (token.word === 'and' && before && after && between === ' ' && text.slice(next.end).startsWith(', '))
        item.push(token);
      else if ((token.word === 'and' || token.word === 'or') && before && after) {
        endItem();
        separated = true;
      } else endList();
      continue;
    }
    if (separated) item.push(token);
    else if (item.length > 0 && (between === ' ' || between === '/')) item.push(token);
    else if (item.length > 0 && /^(?:, ?|,? & )$/u.test(between)) {
      endItem();
      item.push(token);
    } else {
      endList();
      item.push(token);
    }
    separated = false;
  }
  endList();
  return lists;
}

/** Keeps an item of a list of names where it is one (see `addListOfNames`). */
function keepItem(item: ListItem, others: readonly ListItem[], closing: boolean, context: ListContext): void {
  const { names, codeWords, add, commonPlural } = context;
  const lexicon = namesLexicon();
  const signs = (token: Token) =>
    names.has(token.word) ||
    lexicon.sourceOf(token.word) !== undefined ||
    /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(token.word);
  const [first] = item.words;
  if (first === undefined || names.has(item.text)) return;
  // `Bitcoin, Litecoin and Ethereum Prices`: a plural common noun after the last item is the
  // head of the whole list, and no part of a name.
  const last = item.words.at(-1) as Token;
  if (closing && item.words.length === 2 && commonPlural(last.word) && !names.has(last.word)) return;
  if (!others.some((other) => names.has(other.text) || other.words.some(signs))) return;
  if (item.words.length === 1) {
    const lower = first.word.toLowerCase();
    // A known brand that is a dictionary word is the brand among names, first of its sentence too:
    // `Windows, macOS and Linux`, `(e.g. Brave, Chrome, and Electron)`; so is a word of no
    // dictionary (`Denodo, Red Hat JBoss Data Virtualization, IBM InfoSphere`).
    const brand = lexicon.sourceOf(first.word) !== undefined;
    if (
      (first.mid || brand || !englishLike(lower)) &&
      capitalised(first.word) &&
      (brand || codeWords.has(lower) || !englishLike(lower))
    )
      add(item.text, 'item of a list of names');
  } else if (item.words.some((token) => token.word === 'and')) {
    // `Citrix Virtual Apps and Desktops` (a name of several words before `and`), not `England and
    // Wales, Scotland and Northern Ireland`.
    const joined = item.words.findIndex((token) => token.word === 'and');
    if (joined >= 2 && strongLead(first.word, false)) add(item.text, 'item of a list of names');
  } else if (
    (first.mid || strongLead(first.word, false)) &&
    (strongLead(first.word, false) ||
      // A format's name describes what follows: `HTTP Version`, `YAML Files`.
      (names.has(first.word) && names.get(first.word) !== 'known name (linguist)') ||
      /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(item.words.at(-1)?.word ?? ''))
  )
    add(item.text, 'item of a list of names');
}

/**
 * The items of a list of names are names (`→ Compose, Swarm, Hub, Desktop UI, registries`;
 * `OpenShift, Rancher and Mesosphere DC/OS`): in a list of three items or more of capitalised
 * words, one of which is a name, an item is kept when it is one word the document writes as code
 * (`docker compose`) or of no dictionary, or several words led by a word that names something or
 * ending in capitals (`VMware Horizon`, `Mesosphere DC/OS`; not `HTTP Version`). An `and` followed by more of the list
 * joins its neighbours into one item (`Citrix Virtual Apps and Desktops, VMware Horizon`).
 */
export function addListOfNames(
  text: string,
  tokens: readonly Token[],
  names: ReadonlyMap<string, NameReason>,
  codeWords: ReadonlySet<string>,
  add: AddName,
  commonPlural: (word: string) => boolean,
): void {
  const context = { names, codeWords, add, commonPlural };
  for (const list of listsOfWords(text, tokens)) {
    if (list.length < 3) continue;
    for (const [at, each] of list.entries()) {
      const previous = list[at - 1]?.words.at(-1);
      const before = previous === undefined ? '' : text.slice(previous.end, each.words[0]?.start);
      const closing = at === list.length - 1 && /(?:^|\s)(?:and|or|&)\s+$/u.test(before);
      keepItem(each, [...list.slice(0, at), ...list.slice(at + 1)], closing, context);
    }
  }
}
