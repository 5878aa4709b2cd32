import { describe, expect, it } from 'vitest';
import { decodeFragment } from '../../src/markdown/anchors.js';
import { parseDocument } from '../../src/markdown/document.js';
import { countTerm, protectedTerms } from '../helpers/protected-terms.js';
import { corpusFiles, hasCorpus, readCorpus } from '../helpers/corpus.js';
import { markdownFacts, resolveUrl } from '../helpers/markdown-facts.js';
import { identity, localesFrench, pseudo, sameFolder, translateText } from '../helpers/translate-document.js';

const glossary = ['Open Source', 'Vagrant'];

describe.skipIf(!hasCorpus)('corpus', () => {
  describe.each(corpusFiles())('%s', (name) => {
    const source = readCorpus(name);

    // One test per line ending: each parses the whole file, which takes seconds for the largest.
    const crlf = source.replace(/\r?\n/g, '\r\n');
    it.each([
      ['LF', source],
      ['CRLF', crlf],
      ['LF with a BOM', `\uFEFF${source}`],
      ['CRLF with a BOM', `\uFEFF${crlf}`],
    ])('identity returns it byte for byte, as %s', async (_ending, input) => {
      const result = await translateText(input, identity, sameFolder, { glossary });
      expect(result.keptSource).toEqual([]);
      expect(result.text === input).toBe(true);
    });

    describe('pseudo translation to locales/README.fr.md', async () => {
      // Parsed once for the translation and for the tests that read the source's units and terms.
      const document = parseDocument(source, { glossary });
      const result = await translateText(source, pseudo, localesFrench, { glossary }, document);
      const before = markdownFacts(source);
      const after = markdownFacts(result.text);

      it('reports no unit kept in source', () => {
        expect(result.keptSource).toEqual([]);
      });

      it('keeps every code block and inline code span byte for byte', () => {
        expect(after.code).toEqual(before.code);
        expect(after.inlineCode).toEqual(before.inlineCode);
      });

      it('keeps the number of strong, emphasis, link, heading, table-cell and list-item nodes', () => {
        // The switcher adds a link per other language, the current one in strong, and two HTML comments.
        const added = { link: 1, strong: 1, html: 2 };
        expect(after.counts).toEqual({
          ...before.counts,
          ...Object.fromEntries(
            Object.entries(added).map(([type, count]) => [type, (before.counts[type] ?? 0) + count]),
          ),
        });
      });

      it('keeps every link and image target, relative ones resolving to the same file', () => {
        const switcherUrls = 1;
        const targets = after.urls
          .slice(switcherUrls)
          .map((url) => (url.startsWith('#') ? '#' : resolveUrl(url, 'locales')));
        expect(targets).toEqual(before.urls.map((url) => (url.startsWith('#') ? '#' : resolveUrl(url, '.'))));
      });

      it('keeps every HTML attribute but alt and title prose, relative ones resolving to the same file', () => {
        const resolve =
          (folder: string) =>
          ([name, value]: [string, string]) => [
            name,
            /\s(?:href|src)$/.test(name) && !value.startsWith('#')
              ? resolveUrl(value, folder)
              : value.startsWith('#')
                ? '#'
                : /\s(?:alt|title)$/.test(name) && /\p{L}/u.test(value)
                  ? 'prose'
                  : value,
          ];
        expect(after.htmlAttributes.map(resolve('locales'))).toEqual(before.htmlAttributes.map(resolve('.')));
      });

      it('points every #fragment link that works in the source at a heading or anchor of the output', () => {
        const fragments = (facts: typeof before) =>
          [
            ...facts.urls,
            ...facts.htmlAttributes.filter(([name]) => name.endsWith(' href')).map(([, value]) => value),
          ]
            .filter((url) => url.startsWith('#'))
            .map((url) => decodeFragment(url.slice(1)));
        const working = fragments(before).map((fragment) => before.anchors.has(fragment));
        const resolved = fragments(after).map((fragment) => after.anchors.has(fragment));
        expect(resolved).toEqual(working);
      });

      it('keeps every code-shaped identifier and glossary term as often as the source has it', () => {
        const terms = protectedTerms(source, { glossary }, document);
        expect(terms.size).toBeGreaterThan(0);
        expect([...terms].filter((term) => countTerm(result.text, term) < countTerm(source, term))).toEqual(
          [],
        );
      });

      it('leaves no unit untranslated', () => {
        // A block of names alone (`[Studio Ghibli](…)`) is no prose in the source: nothing to translate.
        const names = new Set(document.blocks.filter((unit) => !unit.prose).map((unit) => unit.source));
        const untranslated = parseDocument(result.text, { glossary })
          .allUnits.filter(
            (unit) => !/[\u00c0-\u024f\u1e00-\u1eff·]/u.test(unit.tagged) && !names.has(unit.source),
          )
          .map((unit) => `${unit.line}: ${unit.source}`);
        expect(untranslated).toEqual([]);
      });
    });
  });
});
