import { namesLexicon } from '../names-lexicon.js';
import { phraseWords } from './name-leads.js';
import { shoutedWords } from './shouted.js';
import { nameShaped, type Token } from './tokens.js';
import type { AddName } from './types.js';

/**
 * In a title-cased sentence capitals say nothing, but an item of a comma-separated list that holds
 * two signs of a name (a known name, a word of a known multi-word name, CamelCase or capitals) is
 * one name: `Denodo, Red Hat JBoss Data Virtualization, IBM InfoSphere.`
 */
export function addListItems(text: string, tokens: readonly Token[], add: AddName): void {
  const lexicon = namesLexicon();
  const covered = phraseWords(text, tokens);
  const strong = (token: Token) =>
    covered.has(token) ||
    lexicon.sourceOf(token.word) !== undefined ||
    /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u.test(token.word);
  let run: Token[] = [];
  const flush = () => {
    const words = run;
    run = [];
    const first = words[0];
    const last = words.at(-1);
    if (first === undefined || last === undefined) return;
    const before = text.slice(0, first.start).trimEnd();
    const after = text.slice(last.end).trimStart();
    const opens = before === '' || /[,;(.!?:]$|(?:^|\s)(?:and|or|&)$/u.test(before);
    const closes = after === '' || /^(?:[,;.)]|(?:and|or|&)\s)/u.test(after);
    const listed = before.endsWith(',') || after.startsWith(',');
    if (!opens || !closes || !listed) return;
    const name = text.slice(first.start, last.end);
    if (words.length >= 2 && words.filter(strong).length >= 2 && !shoutedWords(text, words, new Map()))
      add(name, 'multi-word name');
    // `OpenShift, Rancher and Mesosphere`: a known brand alone in a list of names.
    const source = words.length === 1 ? lexicon.sourceOf(first.word) : undefined;
    if (source !== undefined)
      add(name, source === 'linguist' ? 'known name (linguist)' : 'known name (simple-icons)');
  };
  for (const token of tokens) {
    const previous = run.at(-1);
    if (!nameShaped(token.word) || (previous && text.slice(previous.end, token.start) !== ' ')) flush();
    if (nameShaped(token.word)) run.push(token);
  }
  flush();
}
