import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { iso6393 } from 'iso-639-3';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { findLanguageFiles, languageOfFile } from '../../src/language-files.js';
import { languageTable } from '../../src/language-table.js';
import {
  isLanguageTag,
  knownLanguage,
  nativeName,
  normalizeLanguage,
  parseLanguageList,
  textDirection,
} from '../../src/language-tag.js';
import { findSources } from '../../src/pipeline/find-sources.js';
import { tempProject } from '../helpers/cli.js';

describe('language tags', () => {
  it.each([
    ['ast', 'ast'],
    ['frp', 'frp'],
    ['szl', 'szl'],
    ['ckb', 'ckb'],
    ['pt_br', 'pt-BR'],
    ['ZH-hans', 'zh-Hans'],
    ['es-419', 'es-419'],
    ['en-XA', 'en-XA'],
    ['ca-valencia', 'ca-valencia'],
    ['fra', 'fr'],
    ['iw', 'he'],
  ])('accepts %s as %s', (input, expected) => {
    expect(normalizeLanguage(input)).toBe(expected);
  });

  it.each([
    ['es-SP', 'es-ES', '"SP" is not a valid region'],
    ['es-XX', 'es-ES', '"XX" is not a valid region'],
    ['frx', 'fr', '"frx" is not a valid ISO 639 language'],
    ['French', 'fr', '"french" is not a valid ISO 639 language'],
    ['zh-Hanx', 'zh-Hans', '"Hanx" is not a valid script'],
    ['ca-foobar', 'ca', '"foobar" is not a valid variant'],
  ])('refuses %s naming %s', (input, nearest, why) => {
    expect(() => normalizeLanguage(input)).toThrow(
      new UsageError(
        `unknown language code '${input}' in --lang: did you mean '${nearest}'? ${why}. ` +
          'Use BCP 47 tags such as fr, pt-BR, zh-Hans or ast.',
      ),
    );
  });

  it('names the setting a list came from', () => {
    expect(() => parseLanguageList('fr, es-SP', 'README_I18N_LANGUAGES')).toThrow(
      "unknown language code 'es-SP' in README_I18N_LANGUAGES: did you mean 'es-ES'?",
    );
    expect(parseLanguageList('fr, es ,fr,ast')).toEqual(['fr', 'es', 'ast']);
  });

  it('reads the iso-639-3 package’s languages from its table (run scripts/language-table.mjs after updating it)', () => {
    expect(languageTable).toBe(
      `\n${iso6393.map((language) => `${language.iso6393}\t${language.iso6391 ?? ''}\t${language.name}\n`).join('')}`,
    );
    // Known: exactly the package's codes, of three letters or two, and nothing else.
    const codes = new Set(iso6393.flatMap((language) => [language.iso6393, language.iso6391 ?? '']));
    const letters = [...'abcdefghijklmnopqrstuvwxyz'];
    for (const first of letters)
      for (const second of letters)
        for (const third of ['', ...letters]) {
          const code = first + second + third;
          if (knownLanguage(code) !== codes.has(code))
            expect(code).toBe(codes.has(code) ? 'known' : 'unknown');
        }
    expect([knownLanguage(''), knownLanguage('FR'), knownLanguage('fra\t'), knownLanguage('fr')]).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it('accepts every ISO 639-1 language and its canonical form is a fixed point', () => {
    const codes = iso6393.flatMap((language) => (language.iso6391 ? [language.iso6391] : []));
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.constantFrom('', '-ES', '-BR', '-419', '-Latn'),
        (code, rest) => {
          const tag = normalizeLanguage(code + rest);
          expect(normalizeLanguage(tag)).toBe(tag);
          expect(isLanguageTag(tag.toUpperCase())).toBe(true);
        },
      ),
    );
  });

  it('knows names and direction from the locale data', () => {
    expect([nativeName('ast'), nativeName('fr'), nativeName('szl')]).toEqual([
      'Asturianu',
      'Français',
      'Ślōnski',
    ]);
    expect(['ckb', 'ar', 'he', 'fa-IR', 'ur', 'fr', 'ja', 'en-XB'].map(textDirection)).toEqual([
      'rtl',
      'rtl',
      'rtl',
      'rtl',
      'rtl',
      'ltr',
      'ltr',
      'ltr',
    ]);
  });
});

describe('language files', () => {
  it('reads the tag where {lang} appears twice, the same each time', () => {
    expect(languageOfFile('i18n/{lang}/README.{lang}.md', 'i18n/fr/README.fr.md')).toBe('fr');
    expect(languageOfFile('i18n/{lang}/README.{lang}.md', 'i18n/fr/README.es.md')).toBeUndefined();
    expect(languageOfFile('locales/README.{lang}.md', 'locales/README.backup.md')).toBeUndefined();
  });

  it('finds existing translations under a pattern with {lang} twice', async () => {
    const root = tempProject();
    for (const lang of ['ast', 'pt-BR', 'xx']) {
      mkdirSync(join(root, 'i18n', lang), { recursive: true });
      writeFileSync(join(root, 'i18n', lang, `README.${lang}.md`), '# x\n');
    }
    expect(await findLanguageFiles(root, 'i18n/{lang}/README.{lang}.md')).toEqual(['ast', 'pt-BR']);
  });

  it('keeps a source under a locales/ folder that is no translation', async () => {
    const root = tempProject();
    mkdirSync(join(root, 'docs', 'locales'), { recursive: true });
    mkdirSync(join(root, 'locales'), { recursive: true });
    writeFileSync(join(root, 'README.md'), '# x\n');
    writeFileSync(join(root, 'docs', 'locales', 'adding-a-locale.md'), '# x\n');
    writeFileSync(join(root, 'locales', 'README.de.md'), '# x\n');
    expect(await findSources(root, ['**/*.md'], 'locales/{name}.{lang}.md', ['fr'])).toEqual([
      'README.md',
      'docs/locales/adding-a-locale.md',
    ]);
  });
});
