import { describe, expect, it } from 'vitest';
import { countTerm } from '../helpers/protected-terms.js';
import { corpusFiles, hasCorpus, readCorpus } from '../helpers/corpus.js';
import { localesFrench, pseudo, translateText } from '../helpers/translate-document.js';
import { expectedNames, expectedTranslated } from '../helpers/corpus-names.js';

/** The link texts of the first column of a document's tables of links: `| [Cats](…) |`. */
function firstColumnNames(text: string): string[] {
  return [...text.matchAll(/^\| *\[([^\]\n]+)\]\([^)\n]*\) *\|/gmu)].map((match) => match[1] as string);
}

const translations = new Map<string, Promise<string>>();

/** A corpus file's pseudo translation, made once for every test of this file. */
function pseudoTranslation(name: string): Promise<string> {
  let text = translations.get(name);
  if (text === undefined) {
    text = translateText(readCorpus(name), pseudo, localesFrench).then((result) => result.text);
    translations.set(name, text);
  }
  return text;
}

describe.skipIf(!hasCorpus)('names kept by a pseudo translation of the corpus', () => {
  describe.each(Object.entries(expectedNames))('%s', (name, names) => {
    it('keeps every expected name as often as the source writes it', async () => {
      const source = readCorpus(name);
      const text = await pseudoTranslation(name);
      for (const each of names) expect(countTerm(source, each), each).toBeGreaterThan(0);
      expect(names.filter((each) => countTerm(text, each) < countTerm(source, each))).toEqual([]);
    });
  });

  it.each(Object.entries(expectedTranslated))(
    '%s: translates capitalised words that name nothing',
    async (name, words) => {
      const source = readCorpus(name);
      const text = await pseudoTranslation(name);
      for (const each of words) expect(countTerm(source, each), each).toBeGreaterThan(0);
      expect(words.filter((each) => countTerm(text, each) > 0)).toEqual([]);
    },
  );

  it.each(corpusFiles())('%s: keeps every name of the first column of a table of links', async (name) => {
    const source = readCorpus(name);
    const text = await pseudoTranslation(name);
    const before = firstColumnNames(source);
    const after = firstColumnNames(text);
    expect(after.length).toBe(before.length);
    expect(before.filter((each, at) => after[at] !== each)).toEqual([]);
  });
});
