import { expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { memoryPath } from '../../src/memory/memory-path.js';

it('puts the language in the memory path template', () => {
  expect(memoryPath('locales/{lang}.po', 'pt-BR')).toBe('locales/pt-BR.po');
  expect(memoryPath('i18n/{lang}/{lang}.po', 'fr')).toBe('i18n/fr/fr.po');
});

it('refuses a template without {lang}, with an example', () => {
  expect(() => memoryPath('locales/all.po', 'fr')).toThrow(UsageError);
  expect(() => memoryPath('locales/all.po', 'fr')).toThrow(
    'the memory path "locales/all.po" has no {lang}, so every language would share one PO file; use for example --memory "locales/{lang}.po"',
  );
});
