import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDeeplServer, type DeeplServer, type DeeplServerFaults } from '../servers/deepl-server.js';

/** The test server itself, spoken to with plain fetch, so that other suites can rely on it. */
let server: DeeplServer;
beforeEach(async () => {
  server = await startDeeplServer({ authKey: 'k' });
});
afterEach(async () => {
  await server.close();
});

const auth = { authorization: 'DeepL-Auth-Key k' };

async function translateForm(texts: string[], extra: Record<string, string> = {}): Promise<Response> {
  const body = new URLSearchParams({ target_lang: 'FR', tag_handling: 'xml', ignore_tags: 'x', ...extra });
  for (const text of texts) body.append('text', text);
  return fetch(`${server.url}/v2/translate`, { method: 'POST', headers: auth, body });
}

async function textsOf(response: Response): Promise<string[]> {
  const json = (await response.json()) as { translations: Array<{ text: string }> };
  return json.translations.map((t) => t.text);
}

describe('DeepL test server', () => {
  it('accepts JSON bodies and records each request without the key', async () => {
    const body = JSON.stringify({ text: ['a <x id="1"/> b', 'c'], target_lang: 'DE', tag_handling: 'xml' });
    const response = await fetch(`${server.url}/v2/translate`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      translations: [
        { detected_source_language: 'EN', text: 'A <x id="1"/> B', billed_characters: 15 },
        { detected_source_language: 'EN', text: 'C', billed_characters: 1 },
      ],
    });
    expect(server.requests).toEqual([
      {
        method: 'POST',
        path: '/v2/translate',
        bodyBytes: Buffer.byteLength(body),
        texts: 2,
        textValues: ['a <x id="1"/> b', 'c'],
        hasAuth: true,
        params: { target_lang: 'DE', tag_handling: 'xml' },
        status: 200,
      },
    ]);
    expect(JSON.stringify(server.requests)).not.toContain('DeepL-Auth-Key');
  });

  it('refuses a wrong key with 403', async () => {
    const response = await fetch(`${server.url}/v2/usage`, {
      headers: { authorization: 'DeepL-Auth-Key nope' },
    });
    expect(response.status).toBe(403);
  });

  it('leaves ignored elements, escapes and tags alone, and mangles tags without tag handling', async () => {
    expect(await textsOf(await translateForm(['a <x>keep</x> &amp; <g id="1">b</g>']))).toEqual([
      'A <x>keep</x> &amp; <g id="1">B</g>',
    ]);
    expect(await textsOf(await translateForm(['a <x id="1"/>'], { tag_handling: '' }))).toEqual([
      'A <X ID="1"/>',
    ]);
  });

  it.each<[DeeplServerFaults, string]>([
    [{ reorderTags: true }, '<x id="2"/> A <x id="1"/>. <g id="3">B</g> C'],
    [{ dropTag: true }, ' A <x id="2"/>. <g id="3">B</g> C'],
    [{ duplicateTag: true }, '<x id="1"/><x id="1"/> A <x id="2"/>. <g id="3">B</g> C'],
    [{ dropSpaceBeforeTag: true }, '<x id="1"/> A<x id="2"/>.<g id="3">B</g> C'],
    [{ punctuationIntoTag: true }, '<x id="1"/> A <x id="2"/>. <g id="3">B</g> C'],
  ])('misbehaves around tags on request: %j', async (faults, expected) => {
    server.setFaults(faults);
    expect(await textsOf(await translateForm(['<x id="1"/> a <x id="2"/>. <g id="3">b</g> c']))).toEqual([
      expected,
    ]);
  });

  it('moves punctuation into a closing tag on request', async () => {
    server.setFaults({ punctuationIntoTag: true });
    expect(await textsOf(await translateForm(['<g id="1">a</g>.']))).toEqual(['<g id="1">A.</g>']);
  });

  it('serves 429, 5xx and 456 as configured, then recovers', async () => {
    server.setFaults({ tooManyRequests: 1, serverErrors: 1, serverErrorStatus: 502, quotaCharacters: 3 });
    const statuses = [];
    for (const text of ['ab', 'ab', 'ab', 'ab']) statuses.push((await translateForm([text])).status);
    expect(statuses).toEqual([429, 502, 200, 456]);
    expect(server.billedCharacters).toBe(2);
    const usage = await fetch(`${server.url}/v2/usage`, { headers: auth });
    expect(await usage.json()).toEqual({ character_count: 2, character_limit: 500_000 });
  });

  it('drops connections on request', async () => {
    server.setFaults({ dropConnections: 1 });
    await expect(translateForm(['a'])).rejects.toThrow();
    expect((await translateForm(['a'])).status).toBe(200);
    expect(server.requests.map((r) => r.status)).toEqual([0, 200]);
  });

  it('lists source and target languages', async () => {
    const target = (await (
      await fetch(`${server.url}/v2/languages?type=target`, { headers: auth })
    ).json()) as Array<{
      language: string;
    }>;
    const source = (await (await fetch(`${server.url}/v2/languages`, { headers: auth })).json()) as Array<{
      language: string;
    }>;
    expect(target.map((l) => l.language)).toContain('EN-GB');
    expect(target.map((l) => l.language)).not.toContain('EN');
    expect(source.map((l) => l.language)).toContain('EN');
  });
});
