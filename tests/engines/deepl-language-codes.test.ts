import { describe, expect, it } from 'vitest';
import { readDeeplEnv, resolveDeeplOptions } from '../../src/engines/deepl-options.js';
import { glossaryDictionaries } from '../../src/engines/deepl-glossary.js';
import {
  nearestLanguage,
  pickLanguage,
  toDeeplSource,
  toDeeplTarget,
} from '../../src/engines/deepl-language-codes.js';
import { formatLanguageTag } from '../../src/language-tag.js';
import { UsageError } from '../../src/errors.js';
import { estimateBilledCharacters } from '../../src/engines/deepl.js';
import { deeplEngineFromEnv } from '../../src/engines/deepl-from-env.js';

describe('language codes', () => {
  it.each([
    ['fr', 'fr'],
    ['FR', 'fr'],
    ['pt_br', 'pt-BR'],
    ['zh-hans', 'zh-Hans'],
    ['EN-gb', 'en-GB'],
    ['es-419', 'es-419'],
    [' de ', 'de'],
  ])('normalises %s to %s', (input, expected) => {
    expect(formatLanguageTag(input)).toBe(expected);
  });

  it('refuses what is not a language code', () => {
    expect(() => formatLanguageTag('français')).toThrow(UsageError);
    expect(() => formatLanguageTag('')).toThrow(
      '"" is not a language code: expected a BCP 47 code such as "fr", "pt-BR" or "zh-Hans".',
    );
  });

  it.each([
    ['en', 'en-US'],
    ['en-GB', 'en-GB'],
    ['pt', 'pt-PT'],
    ['pt-br', 'pt-BR'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['fr', 'fr'],
  ])('targets %s as %s', (input, expected) => {
    expect(toDeeplTarget(input)).toBe(expected);
  });

  it.each([
    ['en-GB', 'en'],
    ['pt-BR', 'pt'],
    ['zh-Hans', 'zh'],
    ['DE', 'de'],
  ])('sources %s as %s', (input, expected) => {
    expect(toDeeplSource(input)).toBe(expected);
  });

  const offered = [
    { code: 'fr', name: 'French' },
    { code: 'en-GB', name: 'English (British)' },
    { code: 'en-US', name: 'English (American)' },
    { code: 'pt-BR', name: 'Portuguese (Brazilian)' },
    { code: 'de', name: 'German' },
  ];

  it('finds a code case-insensitively', () => {
    expect(pickLanguage('EN-us', offered, 'target')).toEqual({ code: 'en-US', name: 'English (American)' });
  });

  it.each([
    ['pt-PT', 'pt-BR'],
    ['fra', 'fr'],
    ['dk', 'de'],
    ['en-AU', 'en-GB'],
  ])('names %s’s nearest offered code: %s', (wanted, nearest) => {
    expect(nearestLanguage(wanted, offered)?.code).toBe(nearest);
  });

  it('says which language is missing and what to do', () => {
    expect(() => pickLanguage('pt-PT', offered, 'target')).toThrow(
      'DeepL cannot translate into "pt-PT": the nearest it offers is "pt-BR" (Portuguese (Brazilian)). ' +
        'Change the target language, or pick another engine with --engine apertium.',
    );
    expect(() => pickLanguage('xx', [], 'source')).toThrow(
      'DeepL cannot translate from "xx": the server lists no languages at all.',
    );
  });
});

describe('DeepL settings', () => {
  it('reads the key and server address from the environment', () => {
    expect(readDeeplEnv({})).toBeUndefined();
    expect(readDeeplEnv({ DEEPL_AUTH_KEY: '  ' })).toBeUndefined();
    expect(readDeeplEnv({ DEEPL_AUTH_KEY: 'k:fx' })).toEqual({ authKey: 'k:fx', serverUrl: undefined });
    expect(readDeeplEnv({ DEEPL_AUTH_KEY: 'k', DEEPL_SERVER_URL: 'http://127.0.0.1:9' })).toEqual({
      authKey: 'k',
      serverUrl: 'http://127.0.0.1:9',
    });
  });

  it('refuses a server address that is not http(s), without echoing the key', () => {
    const env = { DEEPL_AUTH_KEY: 'secret-key', DEEPL_SERVER_URL: 'api.deepl.com' };
    expect(() => readDeeplEnv(env)).toThrow(UsageError);
    expect(() => readDeeplEnv(env)).toThrow(/^DEEPL_SERVER_URL is not an http\(s\) address: "api.deepl.com"/);
    expect(() => readDeeplEnv(env)).not.toThrow(/secret-key/);
  });

  it('states the defaults once and refuses bad values before any request', () => {
    expect(resolveDeeplOptions({ authKey: 'k' })).toEqual({
      authKey: 'k',
      serverUrl: undefined,
      concurrency: 4,
      maxRetries: 5,
      initialBackoffMs: 1000,
      maxBackoffMs: 30_000,
      requestTimeoutMs: 60_000,
      formality: {},
      glossary: undefined,
    });
    expect(() => resolveDeeplOptions({ authKey: 'k', concurrency: 0 })).toThrow(
      'DeepL option concurrency must be an integer of at least 1, got 0 (e.g. concurrency: 4).',
    );
    expect(() => resolveDeeplOptions({ authKey: '' })).toThrow(UsageError);
  });

  it('builds one dictionary per target language, do-not-translate words mapping to themselves', () => {
    expect(
      glossaryDictionaries({
        name: 'g',
        sourceLanguage: 'en-US',
        targetLanguages: ['fr', 'pt-BR', 'pt-PT', 'en-GB', 'de'],
        doNotTranslate: ['XAPI'],
        terms: { fr: { release: 'version' }, 'pt-PT': { release: 'lançamento' } },
      }),
    ).toEqual([
      { sourceLang: 'en', targetLang: 'fr', entries: { XAPI: 'XAPI', release: 'version' } },
      { sourceLang: 'en', targetLang: 'pt', entries: { XAPI: 'XAPI', release: 'lançamento' } },
      { sourceLang: 'en', targetLang: 'de', entries: { XAPI: 'XAPI' } },
    ]);
    expect(
      glossaryDictionaries({ name: 'g', sourceLanguage: 'en', targetLanguages: ['fr'], doNotTranslate: [] }),
    ).toEqual([]);
  });
});

describe('DeepL from the environment', () => {
  it('makes an engine only when a key is set', () => {
    expect(deeplEngineFromEnv({})).toBeUndefined();
    expect(deeplEngineFromEnv({ DEEPL_AUTH_KEY: 'k:fx' })?.name).toBe('deepl');
  });

  it('estimates billed characters for a dry run', () => {
    expect(estimateBilledCharacters(['héllo <x id="1"/>', '  ', '😀'])).toBe(18);
  });
});
