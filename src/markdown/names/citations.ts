import type { FoundNames } from './found-names.js';

// An author as reference lists write one: a surname, then initials (`Lopes CT`, `Bader GD`, `Huck G`,
// `Smith J.R.`, `van der Berg A`).
const author = String.raw`(?:(?:van|von|de|der|den|da|di|du|le|la) )*\p{Lu}[\p{L}'’-]+ (?:\p{Lu}\.?){1,3}`;
// Three authors or more in a row: `Franz M, Lopes CT, Huck G, Dong Y, Sumer O, Bader GD`, `…, et al.`
const authors = new RegExp(String.raw`(?<![\p{L}\p{N}])${author}(?:, ${author}){2,}(?![\p{L}\p{N}])`, 'gu');
const oneAuthor = new RegExp(author, 'gu');
// A journal, then the year and the volume: `Bioinformatics (2016) 32 (2): 309-311`, `Nature 2015;521:436`,
// `Nucleic Acids Res. (2019) 47`.
const journalBeforeYear =
  /(?<![\p{L}\p{N}])((?:\p{Lu}[\p{L}&-]*\.? ){0,5}\p{Lu}[\p{L}&-]*\.?) (?:\((?:19|20)\d\d\) \d+|(?:19|20)\d\d;\d+)/gu;
const year = /(?:19|20)\d\d/u;

/**
 * Names a citation writes: the authors of a reference (`Franz M, Lopes CT, Huck G`, a surname and
 * initials each, three or more in a row) and its journal, before the year and the volume
 * (`Bioinformatics (2016) 32 (2): 309-311`), which the prose may then name with its publisher in front
 * (`the Oxford Bioinformatics issue`, see `capitalised-runs.ts`).
 */
export function addCitationNames(texts: readonly string[], found: FoundNames): void {
  for (const text of texts) {
    // Three authors need two commas, a journal's volume a year: most texts have neither.
    if (text.includes(', '))
      for (const match of text.matchAll(authors))
        for (const each of match[0].matchAll(oneAuthor)) found.add(each[0], "person's name");
    if (year.test(text))
      for (const match of text.matchAll(journalBeforeYear))
        found.add((match[1] as string).replace(/\.$/u, ''), 'journal of a citation');
  }
}
