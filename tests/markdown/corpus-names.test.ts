import { describe, expect, it } from 'vitest';
import { countTerm } from '../helpers/protected-terms.js';
import { hasCorpus, readCorpus } from '../helpers/corpus.js';
import { localesFrench, pseudo, translateText } from '../helpers/translate-document.js';
import { expectedNames } from '../helpers/corpus-names.js';

describe.skipIf(!hasCorpus)('names kept by a pseudo translation of the corpus', () => {
  describe.each(Object.entries(expectedNames))('%s', (name, names) => {
    it('keeps every expected name as often as the source writes it', async () => {
      const source = readCorpus(name);
      const { text } = await translateText(source, pseudo, localesFrench);
      for (const each of names) expect(countTerm(source, each), each).toBeGreaterThan(0);
      expect(names.filter((each) => countTerm(text, each) < countTerm(source, each))).toEqual([]);
    });
  });
});
