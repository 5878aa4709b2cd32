import { describe, expect, it } from 'vitest';
import { parseDocument, renderDocument } from '../../src/markdown/document.js';
import { sameFolder } from '../helpers/translate-document.js';

/** Translates a one-unit-per-line document with translations given by hand, as an engine might return them. */
function translate(source: string, translations: Record<string, string>) {
  const document = parseDocument(source);
  const seen = document.allUnits.map((unit) => unit.tagged);
  for (const key of Object.keys(translations)) expect(seen).toContain(key);
  return renderDocument(
    document,
    (unit) => ({ tagged: translations[unit.tagged] ?? unit.tagged }),
    sameFolder,
  );
}

describe('rebuilding translated units', () => {
  it('separates a delimiter that the translation glued to the next word', () => {
    const result = translate('**Weight:** 6\n', { '<g id="1">Weight:</g> 6': '<g id="1">Poids :</g>6' });
    expect(result.text).toBe('**Poids :** 6\n');
    expect(result.keptSource).toEqual([]);
  });

  it('moves white space out of emphasis', () => {
    const result = translate('Some *very* nice **bold** text\n', {
      'Some <g id="1">very</g> nice <g id="2">bold</g> text':
        'Un texte<g id="1"> très </g>joli et <g id="2">gras </g>!',
    });
    expect(result.text).toBe('Un texte *très* joli et **gras** !\n');
  });

  it('escapes emphasis characters that the translation added', () => {
    const result = translate('Rate it really well\n', { 'Rate it really well': 'Notez-le *vraiment* bien' });
    expect(result.text).toBe('Notez-le \\*vraiment\\* bien\n');
  });

  it('joins lines when a translated line would start a list', () => {
    const result = translate('First line\nsecond line\n', {
      'First line\nsecond line': 'Première ligne\n- seconde ligne',
    });
    expect(result.text).toBe('Première ligne - seconde ligne\n');
  });

  it('keeps the source of a unit whose translation lost a tag, and reports it', () => {
    const result = translate('Run `xl list` now\n', { 'Run <x id="1"/> now': 'Lancez maintenant' });
    expect(result.text).toBe('Run `xl list` now\n');
    expect(result.keptSource).toEqual([
      { line: 1, source: 'Run `xl list` now', reason: 'tags of the source are missing' },
    ]);
  });

  it('keeps the source of a unit whose translation doubled a tag', () => {
    const result = translate('Run `xl list` now\n', {
      'Run <x id="1"/> now': 'Lancez <x id="1"/> <x id="1"/>',
    });
    expect(result.keptSource.map((kept) => kept.reason)).toEqual(['tag 1 appears twice']);
    expect(result.text).toBe('Run `xl list` now\n');
  });

  it('escapes a pipe in a table cell', () => {
    const result = translate('| a |\n| - |\n| either or |\n', { 'either or': 'soit | soit' });
    expect(result.text).toBe('| a |\n| - |\n| soit \\| soit |\n');
  });

  it('escapes markup characters in HTML text and never leaves a blank line in an HTML block', () => {
    const result = translate('<p>Fish and chips</p>\n', { 'Fish and chips': 'Poisson & <frites>\n\nfin' });
    // The source had one line: a line break the translation adds becomes a space.
    expect(result.text).toBe('<p>Poisson &amp; &lt;frites> fin</p>\n');
  });

  it('escapes brackets in alt text and the delimiter in a title', () => {
    const result = translate('![A logo](logo.png "The logo")\n', {
      'A logo': 'Un [logo]',
      'The logo': 'Le "logo"',
    });
    expect(result.text).toBe('![Un \\[logo\\]](logo.png "Le \\"logo\\"")\n');
  });

  it('restores line prefixes of quotes and lists', () => {
    const result = translate('> one\n> two\n', { 'one\ntwo': 'un\ndeux\ntrois' });
    expect(result.text).toBe('> un\n> deux trois\n');
  });
});
