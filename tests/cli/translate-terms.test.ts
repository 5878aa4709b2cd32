import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeeplServer, type DeeplServer } from '../servers/deepl-server.js';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { expectFile, fixturesRoot } from '../helpers/fixtures.js';

const fixture = join(fixturesRoot, 'cli-terms');
const authKey = 'test-key-5b1d9c3e:fx';

describe('`terms:` and `glossary:` of the configuration', () => {
  it('keep their words, and write a term in its fixed translation where the language has one', async () => {
    const project = tempProject(fixture);
    const result = await runCliHere('translate', ['--engine', 'pseudo'], project);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    for (const lang of ['fr', 'de'])
      expectFile(
        join(fixture, 'expected', `README.${lang}.pseudo.md`),
        readFileSync(join(project, 'locales', `README.${lang}.md`), 'utf8'),
      );
  });

  it('change what is kept: without them the same words are translated', async () => {
    const project = tempProject(fixture);
    writeFileSync(join(project, 'readme-i18n.config.yaml'), 'languages: [fr]\nswitcher: false\n');
    const result = await runCliHere('translate', ['--engine', 'pseudo'], project);
    expect(result.status).toBe(0);
    const text = readFileSync(join(project, 'locales', 'README.fr.md'), 'utf8');
    for (const words of ['pull request', 'main branch', 'nightly build', 'demande de fusion'])
      expect(text).not.toContain(words);
  });
});

describe('the DeepL glossary of a project (the real deepl-node client against a local DeepL server)', () => {
  let server: DeeplServer;
  beforeAll(async () => {
    server = await startDeeplServer({ authKey });
  });
  afterAll(async () => {
    await server.close();
  });
  const env = () => ({
    DEEPL_AUTH_KEY: authKey,
    DEEPL_SERVER_URL: server.url,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
  });
  const glossaryRequests = (from: number): string[] =>
    server.requests
      .slice(from)
      .filter((request) => request.path.startsWith('/v3/'))
      .map((request) => `${request.method} ${request.path.replace(/[\da-f-]{36}/, 'ID')}`);

  it('is synced from `glossary:`, `terms:` and --glossary, sent with every request, and not rewritten unchanged', async () => {
    const project = tempProject(fixture);
    const before = server.requests.length;
    const first = await runCliHere('translate', ['--glossary', 'nightly build,schedule'], project, env());
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(glossaryRequests(before)).toEqual(['GET /v3/glossaries', 'POST /v3/glossaries']);
    expect(server.glossaries.size).toBe(1);
    const [id, stored] = [...server.glossaries][0] ?? [];
    expect(stored?.name).toBe('readme-i18n: octo-org/octo-repo');
    expect(stored?.dictionaries).toEqual([
      {
        sourceLang: 'en',
        targetLang: 'fr',
        entries:
          'nightly build\tnightly build\nschedule\tschedule\npull request\tdemande de fusion\nmain branch\tmain branch',
      },
      {
        sourceLang: 'en',
        targetLang: 'de',
        entries:
          'nightly build\tnightly build\nschedule\tschedule\npull request\tpull request\nmain branch\tmain branch',
      },
    ]);
    const translations = server.requests.slice(before).filter((request) => request.path === '/v2/translate');
    // The languages run side by side: which request comes first is not fixed.
    const targets = translations.map((request) => [request.params.target_lang, request.params.glossary_id]);
    expect(targets.sort()).toEqual([
      ['de', id],
      ['fr', id],
    ]);
    // Kept terms are placeholders; the fixed translation is written in their place.
    expectFile(
      join(fixture, 'expected', 'README.fr.deepl.md'),
      readFileSync(join(project, 'locales', 'README.fr.md'), 'utf8'),
    );

    // The same glossary again: read, not rewritten.
    rmSync(join(project, 'locales'), { recursive: true });
    const again = server.requests.length;
    expect(
      (await runCliHere('translate', ['--glossary', 'nightly build,schedule'], project, env())).status,
    ).toBe(0);
    expect(glossaryRequests(again)).toEqual([
      'GET /v3/glossaries',
      'GET /v3/glossaries/ID/entries',
      'GET /v3/glossaries/ID/entries',
    ]);
    const sent = server.requests.slice(again).filter((request) => request.path === '/v2/translate');
    expect(sent.map((request) => request.params.glossary_id)).toEqual([id, id]);

    // A changed glossary: only the changed dictionaries are replaced, in the same glossary.
    rmSync(join(project, 'locales'), { recursive: true });
    const changed = server.requests.length;
    expect((await runCliHere('translate', ['--glossary', 'nightly build'], project, env())).status).toBe(0);
    expect(glossaryRequests(changed)).toEqual([
      'GET /v3/glossaries',
      'PUT /v3/glossaries/ID/dictionaries',
      'PUT /v3/glossaries/ID/dictionaries',
    ]);
    expect(server.glossaries.size).toBe(1);
  });

  it('is not created for a project without glossary or terms', async () => {
    const project = tempProject(join(fixturesRoot, 'cli-translate'));
    const before = server.requests.length;
    expect((await runCliHere('translate', ['--lang', 'fr'], project, env())).status).toBe(0);
    expect(glossaryRequests(before)).toEqual([]);
    const sent = server.requests.slice(before).filter((request) => request.path === '/v2/translate');
    expect(sent.map((request) => request.params.glossary_id)).toEqual([undefined]);
  });
});
