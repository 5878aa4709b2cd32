import type { Table } from 'mdast';
import { isEnglishWord } from '../english-words.js';
import { namesLexicon } from '../names-lexicon.js';
import { childrenRange } from '../node-range.js';
import { plainText } from '../tree-walk.js';
import type { Range } from '../unit.js';
import type { AddName, PlaceName } from './types.js';

/**
 * A table whose first column is a link and nothing else in every row (three rows or more) lists
 * things by name, as lists of APIs, tools and libraries do: `| [Cat Facts](…) | Daily cat facts |`.
 * A name that is one dictionary word (`Cats`) and no known brand (as `Slack` is) is kept in its cell
 * only: kept everywhere, it would keep the same word in headings and prose (`### Cats`, `Cats sleep`).
 */
export function addNameColumn(table: Table, add: AddName, place: PlaceName, english: boolean): void {
  const rows = table.children.slice(1);
  if (rows.length < 3) return;
  const names: Array<{ text: string; range: Range }> = [];
  for (const row of rows) {
    const cell = row.children[0];
    const content = cell?.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
    const link = content?.length === 1 ? content[0] : undefined;
    if (link?.type !== 'link' || !link.children.every((child) => child.type === 'text')) return;
    const text = plainText(link).trim();
    const range = childrenRange(link.children);
    if (text !== '' && !text.includes('\n') && range !== undefined) names.push({ text, range });
  }
  for (const { text, range } of names) {
    if (
      /^\p{L}+$/u.test(text) &&
      english &&
      isEnglishWord(text.toLowerCase()) &&
      !namesLexicon().sourceOf(text)
    )
      place(range, 'name column of a table');
    else add(text, 'name column of a table');
  }
}
