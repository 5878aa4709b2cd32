import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeeplEngine, type DeeplEngine } from '../../src/engines/deepl.js';
import type { DeeplEngineOptions } from '../../src/engines/deepl-options.js';
import { EngineError, QuotaExceededError, UsageError } from '../../src/errors.js';
import { repairTags } from '../../src/pipeline/repair-tags.js';
import { startDeeplServer, type DeeplServer } from '../servers/deepl-server.js';

const key = 'c0ffee00-5ec2-e7ab-cdef-0123456789ab:fx';
const fast = { initialBackoffMs: 1, maxBackoffMs: 4 } as const;

let server: DeeplServer;
beforeEach(async () => {
  server = await startDeeplServer({ authKey: key, characterLimit: 1_000_000 });
});
afterEach(async () => {
  await server.close();
});

function engine(options: Partial<DeeplEngineOptions> = {}): DeeplEngine {
  return createDeeplEngine({ authKey: key, serverUrl: server.url, ...fast, ...options });
}

const translateRequests = (): DeeplServer['requests'] =>
  server.requests.filter((r) => r.path === '/v2/translate');

/** Every string an error can show: message, stack, inspection (causes included), JSON. */
function everything(error: unknown): string {
  return [
    String(error),
    error instanceof Error ? error.stack : '',
    inspect(error, { depth: 8 }),
    JSON.stringify(error),
  ].join('\n');
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('DeepL engine over real HTTP', () => {
  it('translates a batch in one request with XML tag handling and reports billed characters', async () => {
    const texts = ['Run <x id="1"/> now.', 'See <g id="2">the &amp; docs</g>.', 'Plain'];
    const result = await engine().translate(texts, { from: 'en', to: 'fr' });
    expect(result).toEqual({
      texts: ['RUN <x id="1"/> NOW.', 'SEE <g id="2">THE &amp; DOCS</g>.', 'PLAIN'],
      billedChars: texts.join('').length,
    });
    const sent = translateRequests();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      texts: 3,
      hasAuth: true,
      status: 200,
      params: {
        source_lang: 'en',
        target_lang: 'fr',
        tag_handling: 'xml',
        tag_handling_version: 'v2',
        ignore_tags: 'x',
        non_splitting_tags: 'g',
        split_sentences: 'nonewlines',
        outline_detection: '0',
      },
    });
    expect(sent[0]?.params.formality).toBeUndefined();
  });

  it('maps target codes DeepL wants with a variant, and refuses an unknown one naming the nearest', async () => {
    const deepl = engine();
    await deepl.translate(['a'], { from: 'en-GB', to: 'pt' });
    await deepl.translate(['a'], { from: 'de', to: 'en' });
    await deepl.translate(['a'], { from: 'en', to: 'zh-TW' });
    expect(translateRequests().map((r) => `${r.params.source_lang}>${r.params.target_lang}`)).toEqual([
      'en>pt-PT',
      'de>en-US',
      'en>zh-HANT',
    ]);
    const error = await caught(deepl.translate(['a'], { from: 'en', to: 'fra' }));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      'DeepL cannot translate into "fra": the nearest it offers is "fr" (French). ' +
        'Change the target language, or pick another engine with --engine apertium.',
    );
    expect(await deepl.supports?.('en', 'pt-BR')).toBe(true);
    expect(await deepl.supports?.('en', 'tlh')).toBe(false);
  });

  it('sends the formality the options give per language, as a preference', async () => {
    const deepl = engine({ formality: { de: 'more', 'pt-BR': 'less' } });
    await deepl.translate(['a'], { from: 'en', to: 'de' });
    await deepl.translate(['a'], { from: 'en', to: 'pt-BR' });
    await deepl.translate(['a'], { from: 'en', to: 'fr' });
    await deepl.translate(['a'], { from: 'en', to: 'fr', formality: 'less' });
    expect(translateRequests().map((r) => r.params.formality)).toEqual([
      'prefer_more',
      'prefer_less',
      undefined,
      'prefer_less',
    ]);
  });

  it('passes blank texts through without a request', async () => {
    expect(await engine().translate(['', '  '], { from: 'en', to: 'fr' })).toEqual({
      texts: ['', '  '],
      billedChars: 0,
    });
    expect(translateRequests()).toHaveLength(0);
  });

  it('keeps each text’s leading and trailing white space', async () => {
    const result = await engine().translate([' a b\n'], { from: 'en', to: 'fr' });
    expect(result.texts).toEqual([' A B\n']);
  });

  it('keeps every request body within 128 KiB, even for 50 texts of non-ASCII prose', async () => {
    // 50 × 2 600 bytes of UTF-8 is within the declared limit; form-encoded it is three times larger.
    const texts = Array.from({ length: 50 }, (_, i) => `${i} ` + 'é'.repeat(1300));
    const result = await engine().translate(texts, { from: 'en', to: 'fr' });
    expect(result.texts).toEqual(texts.map((text) => text.toUpperCase()));
    const sizes = translateRequests().map((r) => r.bodyBytes);
    expect(sizes.length).toBeGreaterThan(1);
    for (const size of sizes) expect(size).toBeLessThanOrEqual(128 * 1024);
    expect(translateRequests().reduce((sum, r) => sum + r.texts, 0)).toBe(50);
  });

  it('never has more than `concurrency` requests in flight', async () => {
    server.setFaults({ delayMs: 40 });
    const deepl = engine({ concurrency: 3 });
    const batches = Array.from({ length: 10 }, (_, i) =>
      deepl.translate([`text ${i}`], { from: 'en', to: 'fr' }),
    );
    const results = await Promise.all(batches);
    expect(results.map((r) => r.texts[0])).toEqual(Array.from({ length: 10 }, (_, i) => `TEXT ${i}`));
    expect(server.peakConcurrency).toBe(3);
  });

  it('reports the characters used and allowed', async () => {
    const deepl = engine();
    await deepl.translate(['hello'], { from: 'en', to: 'fr' });
    expect(await deepl.getUsage()).toEqual({ characterCount: 5, characterLimit: 1_000_000 });
  });
});

describe('DeepL engine under faults', () => {
  it('retries 3 × 429 and then translates everything', async () => {
    server.setFaults({ tooManyRequests: 3 });
    const result = await engine().translate(['one', 'two'], { from: 'en', to: 'fr' });
    expect(result.texts).toEqual(['ONE', 'TWO']);
    expect(translateRequests().map((r) => r.status)).toEqual([429, 429, 429, 200]);
  });

  it.each([500, 502, 503])('retries HTTP %i', async (status) => {
    server.setFaults({ serverErrors: 2, serverErrorStatus: status });
    const result = await engine().translate(['one'], { from: 'en', to: 'fr' });
    expect(result.texts).toEqual(['ONE']);
    expect(translateRequests().map((r) => r.status)).toEqual([status, status, 200]);
  });

  it('retries a dropped connection', async () => {
    server.setFaults({ dropConnections: 2 });
    const result = await engine().translate(['one'], { from: 'en', to: 'fr' });
    expect(result.texts).toEqual(['ONE']);
    expect(translateRequests().map((r) => r.status)).toEqual([0, 0, 200]);
  });

  it('retries an answer cut in the middle of its body', async () => {
    server.setFaults({ cutBodies: 2 });
    const result = await engine().translate(['one'], { from: 'en', to: 'fr' });
    expect(result.texts).toEqual(['ONE']);
    expect(translateRequests().map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('gives up on a silent server after one timeout, without asking again, and says so', async () => {
    server.setFaults({ delayMs: 3000 });
    const error = await caught(
      engine({ requestTimeoutMs: 1000 }).translate(['one'], { from: 'en', to: 'fr' }),
    );
    expect(error).toBeInstanceOf(EngineError);
    expect((error as Error).message).toBe(
      'DeepL did not answer within 1 s while translating 1 texts from en into fr. Check the network and ' +
        'DEEPL_SERVER_URL (readme-i18n doctor), or allow longer with --timeout <seconds> (or `timeout:` in the configuration).',
    );
    // The first requests (the source and target language lists) met the silence; neither was sent again.
    expect(server.requests.map((r) => r.path)).toEqual(['/v2/languages', '/v2/languages']);
  });

  it('gives up after maxRetries with a retryable EngineError', async () => {
    server.setFaults({ tooManyRequests: 100 });
    const error = await caught(engine({ maxRetries: 2 }).translate(['one'], { from: 'en', to: 'fr' }));
    expect(error).toBeInstanceOf(EngineError);
    expect(error).not.toBeInstanceOf(QuotaExceededError);
    expect((error as EngineError).retryable).toBe(true);
    expect(translateRequests()).toHaveLength(3);
  });

  it('stops with QuotaExceededError when the quota runs out midway, without the key', async () => {
    server.setFaults({ quotaCharacters: 25 });
    const deepl = engine();
    const batches = ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc', 'dddddddddd'];
    const done: string[] = [];
    let stop: unknown;
    for (const text of batches) {
      try {
        done.push(...(await deepl.translate([text], { from: 'en', to: 'fr' })).texts);
      } catch (error) {
        stop = error;
        break;
      }
    }
    expect(done).toEqual(['AAAAAAAAAA', 'BBBBBBBBBB']);
    expect(stop).toBeInstanceOf(QuotaExceededError);
    expect((stop as Error).message).toBe(
      'DeepL quota exhausted while translating 1 texts from en into fr (HTTP 456). Wait for the next billing period, ' +
        'raise the limit in your DeepL account, or translate the rest with --engine apertium; everything translated ' +
        'so far is kept.',
    );
    expect(translateRequests().map((r) => r.status)).toEqual([200, 200, 456]);
  });

  it('keeps the key out of every byte of every error', async () => {
    const errors: unknown[] = [];
    server.setFaults({ quotaCharacters: 0 });
    errors.push(await caught(engine().translate(['x'], { from: 'en', to: 'fr' })));
    server.setFaults({ serverErrors: 10, serverErrorStatus: 500 });
    errors.push(await caught(engine({ maxRetries: 1 }).translate(['x'], { from: 'en', to: 'fr' })));
    server.setFaults({ dropConnections: 10 });
    errors.push(await caught(engine({ maxRetries: 1 }).translate(['x'], { from: 'en', to: 'fr' })));
    errors.push(await caught(engine({ authKey: `${key}-wrong` }).translate(['x'], { from: 'en', to: 'fr' })));
    errors.push(
      await caught(
        engine()
          .getUsage()
          .then(() => engine({ authKey: `${key}-x` }).getUsage()),
      ),
    );
    const closed = await startDeeplServer();
    await closed.close();
    errors.push(
      await caught(
        engine({ serverUrl: closed.url, maxRetries: 0 }).translate(['x'], { from: 'en', to: 'fr' }),
      ),
    );
    expect(errors.map((error) => (error as Error).constructor.name)).toEqual([
      'QuotaExceededError',
      'EngineError',
      'EngineError',
      'EngineError',
      'EngineError',
      'EngineError',
    ]);
    for (const error of errors) {
      const text = everything(error);
      expect(text).not.toContain(key);
      expect(text).not.toContain(key.slice(0, 18));
    }
    expect((errors[3] as Error).message).toContain('Check DEEPL_AUTH_KEY');
  });

  it('hands back what DeepL does to tags, which repairTags then fixes', async () => {
    server.setFaults({ dropSpaceBeforeTag: true, punctuationIntoTag: true });
    const source = 'Read <g id="1">the docs</g>, then run <x id="2"/> now.';
    const [translated = ''] = (await engine().translate([source], { from: 'en', to: 'fr' })).texts;
    expect(translated).toBe('READ<g id="1">THE DOCS,</g> THEN RUN<x id="2"/> NOW.');
    expect(repairTags(source, translated)).toBe('READ <g id="1">THE DOCS</g>, THEN RUN <x id="2"/> NOW.');
  });
});

describe('DeepL glossary', () => {
  const spec = {
    name: 'readme-i18n: test',
    sourceLanguage: 'en',
    targetLanguages: ['fr', 'de'],
    doNotTranslate: ['Vagrant'],
    terms: { fr: { 'pull request': 'demande de tirage' } },
  };
  const glossaryRequests = (): string[] =>
    server.requests
      .filter((r) => r.path.startsWith('/v3/'))
      .map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, 'ID')}`);

  it('creates the glossary once, reuses it unchanged, and replaces only a changed dictionary', async () => {
    await engine({ glossary: spec }).translate(['a'], { from: 'en', to: 'fr' });
    expect(glossaryRequests()).toEqual(['GET /v3/glossaries', 'POST /v3/glossaries']);
    const [id, stored] = [...server.glossaries][0] ?? [];
    expect(stored?.dictionaries).toEqual([
      { sourceLang: 'en', targetLang: 'fr', entries: 'Vagrant\tVagrant\npull request\tdemande de tirage' },
      { sourceLang: 'en', targetLang: 'de', entries: 'Vagrant\tVagrant' },
    ]);
    expect(translateRequests()[0]?.params.glossary_id).toBe(id);

    server.requests.length = 0;
    await engine({ glossary: spec }).translate(['a'], { from: 'en', to: 'de' });
    expect(glossaryRequests()).toEqual([
      'GET /v3/glossaries',
      'GET /v3/glossaries/ID/entries',
      'GET /v3/glossaries/ID/entries',
    ]);

    server.requests.length = 0;
    const changed = { ...spec, terms: { fr: { 'pull request': 'pull request' } } };
    await engine({ glossary: changed }).translate(['a'], { from: 'en', to: 'fr' });
    expect(glossaryRequests()).toEqual([
      'GET /v3/glossaries',
      'GET /v3/glossaries/ID/entries',
      'PUT /v3/glossaries/ID/dictionaries',
      'GET /v3/glossaries/ID/entries',
    ]);
    expect(server.glossaries.size).toBe(1);
    expect([...server.glossaries.values()][0]?.dictionaries.find((d) => d.targetLang === 'fr')?.entries).toBe(
      'Vagrant\tVagrant\npull request\tpull request',
    );
  });

  it('deletes the dictionary of a language no longer translated', async () => {
    await engine({ glossary: spec }).translate(['a'], { from: 'en', to: 'fr' });
    server.requests.length = 0;
    await engine({ glossary: { ...spec, targetLanguages: ['fr'] } }).translate(['a'], {
      from: 'en',
      to: 'fr',
    });
    expect(glossaryRequests()).toEqual([
      'GET /v3/glossaries',
      'GET /v3/glossaries/ID/entries',
      'DELETE /v3/glossaries/ID/dictionaries',
    ]);
    expect([...server.glossaries.values()][0]?.dictionaries.map((d) => d.targetLang)).toEqual(['fr']);
  });

  it('syncs once for concurrent batches', async () => {
    const deepl = engine({ glossary: spec });
    await Promise.all(Array.from({ length: 6 }, () => deepl.translate(['a'], { from: 'en', to: 'fr' })));
    expect(glossaryRequests()).toEqual(['GET /v3/glossaries', 'POST /v3/glossaries']);
  });

  it('refuses a term DeepL cannot store, naming the glossary', async () => {
    const bad = { ...spec, doNotTranslate: ['tab\there'] };
    const error = await caught(engine({ glossary: bad }).translate(['a'], { from: 'en', to: 'fr' }));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      /^The glossary "readme-i18n: test" has a term DeepL cannot store \(en→fr\)/,
    );
  });
});
