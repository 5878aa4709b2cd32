import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeeplServer, type DeeplServer } from '../servers/deepl-server.js';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { expectFile, fixturesRoot } from '../helpers/fixtures.js';

const fixture = join(fixturesRoot, 'cli-translate');
const authKey = 'test-key-0f7c2a9e:fx';

describe('translate with DeepL (the real deepl-node client against a local DeepL server)', async () => {
  let server: DeeplServer;
  beforeAll(async () => {
    server = await startDeeplServer({ authKey });
  });
  afterAll(async () => {
    await server.close();
  });
  const env = () => ({ DEEPL_AUTH_KEY: authKey, DEEPL_SERVER_URL: server.url });
  const filesOf = (folder: string) =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));

  it('is chosen when DEEPL_AUTH_KEY is set, sends one request per 50 units, and never shows the key', async () => {
    const project = tempProject(fixture);
    const before = server.requests.filter((request) => request.path === '/v2/translate').length;
    const result = await runCliHere('translate', ['--lang', 'fr,de'], project, env());
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const translateRequests = server.requests
      .filter((request) => request.path === '/v2/translate')
      .slice(before);
    expect(translateRequests.map((request) => request.texts)).toEqual([5, 5]);
    expectFile(
      join(fixture, 'expected', 'README.fr.deepl.md'),
      readFileSync(join(project, 'locales', 'README.fr.md'), 'utf8'),
    );
    for (const text of [result.stdout, result.stderr, ...filesOf(project)])
      expect(text).not.toContain(authKey);
  });

  it('with --dry-run counts what the memory lacks and the quota left, and sends and writes nothing', async () => {
    const project = tempProject(fixture);
    const translations = () => server.requests.filter((request) => request.path === '/v2/translate').length;
    const before = translations();
    const dry = await runCliHere('translate', ['--lang', 'fr', '--dry-run'], project, env());
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(
      /^fr: locales\/README\.fr\.md — would send 5 units \(\d+ characters\) in 1 requests; 0 from memory\ndeepl: [\d,]+ of 500,000 characters used this period, [\d,]+ left\n$/,
    );
    expect(translations()).toBe(before);
    expect(existsSync(join(project, 'locales'))).toBe(false);
    expect((await runCliHere('translate', ['--lang', 'fr'], project, env())).status).toBe(0);
    const again = await runCliHere('translate', ['--lang', 'fr', '--dry-run'], project, env());
    expect(again.stdout).toMatch(
      /^fr: locales\/README\.fr\.md — would send 0 units \(0 characters\) in 0 requests; 5 from memory\n/,
    );
  });

  it('stops with exit 1 and a clear message when the quota runs out, writing nothing broken', async () => {
    const project = tempProject(fixture);
    server.setFaults({ quotaCharacters: 1 });
    try {
      const result = await runCliHere('translate', ['--lang', 'fr'], project, env());
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /^readme-i18n: fr: quota exhausted after 0 of 5 units; none was translated, and the next run sends all 5\. DeepL quota exhausted/,
      );
      expect(result.stderr).not.toContain(authKey);
      expect(existsSync(join(project, 'locales', 'README.fr.md'))).toBe(false);
    } finally {
      server.setFaults({});
    }
  });

  it('says how many units the quota let through, that the PO file keeps them, and how many the next run sends', async () => {
    const project = tempProject();
    // 60 paragraphs: two requests (50 texts at most in one), the second refused for the quota.
    const paragraphs = Array.from(
      { length: 60 },
      (_, index) => `Paragraph number ${index + 1} of the guide.`,
    );
    writeFileSync(join(project, 'README.md'), `# Guide\n\n${paragraphs.join('\n\n')}\n`);
    const firstRequest = ['Guide', ...paragraphs.slice(0, 49)].reduce((sum, text) => sum + text.length, 0);
    server.setFaults({ quotaCharacters: server.billedCharacters + firstRequest });
    try {
      const result = await runCliHere('translate', ['--lang', 'fr', '--concurrency', '1'], project, env());
      expect(result).toEqual({
        status: 1,
        stdout: '',
        stderr:
          'readme-i18n: fr: quota exhausted after 50 of 61 units; the 50 translated are kept in locales/fr.po, ' +
          'and the next run sends only the other 11. DeepL quota exhausted while translating 11 texts from en into fr (HTTP 456). ' +
          'Wait for the next billing period, raise the limit in your DeepL account, or translate the rest with --engine apertium; ' +
          'everything translated so far is kept.\n',
      });
      expect(readFileSync(join(project, 'locales', 'fr.po'), 'utf8').match(/^msgid "/gm)).toHaveLength(51);
    } finally {
      server.setFaults({});
    }
    const before = server.requests.filter((request) => request.path === '/v2/translate').length;
    const rerun = await runCliHere('translate', ['--lang', 'fr'], project, env());
    expect([rerun.status, rerun.stderr]).toEqual([0, '']);
    const sent = server.requests.filter((request) => request.path === '/v2/translate').slice(before);
    expect(sent.map((request) => request.texts)).toEqual([11]);
  });

  it.each([
    [
      'a refused key (403)',
      {},
      'wrong-key-5d1e:fx',
      'readme-i18n: DeepL refused the key while translating 5 texts from en into fr (HTTP 403). Check DEEPL_AUTH_KEY; ' +
        'a free-plan key ends in ":fx" and is sent to api-free.deepl.com unless DEEPL_SERVER_URL says otherwise.\n',
    ],
    [
      'a quota used up at the first request (456)',
      { quotaCharacters: 1 },
      authKey,
      'readme-i18n: fr: quota exhausted after 0 of 5 units; none was translated, and the next run sends all 5. ' +
        'DeepL quota exhausted while translating 5 texts from en into fr (HTTP 456). Wait for the next billing period, ' +
        'raise the limit in your DeepL account, or translate the rest with --engine apertium; everything translated so far is kept.\n',
    ],
  ])(
    'leaves a project without locales/ as it was when DeepL refuses at once: %s',
    async (_, faults, key, message) => {
      const project = tempProject(fixture);
      const before = readdirSync(project, { recursive: true }).sort();
      server.setFaults(faults);
      try {
        const result = await runCliHere('translate', ['--lang', 'fr,de'], project, {
          ...env(),
          DEEPL_AUTH_KEY: key,
        });
        expect(result).toEqual({ status: 1, stdout: '', stderr: message });
        expect(readdirSync(project, { recursive: true }).sort()).toEqual(before);
      } finally {
        server.setFaults({});
      }
    },
  );

  it('exits 1 and names the unit when a translation lost a tag that cannot be put back', async () => {
    const project = tempProject(fixture);
    server.setFaults({ dropTag: true });
    try {
      const result = await runCliHere('translate', ['--lang', 'fr'], project, env());
      expect(result.stderr).toMatch(/fr: line \d+ kept its source text: /);
      expect(result.status).toBe(1);
    } finally {
      server.setFaults({});
    }
  });
  it('gives up on a silent server after --timeout, once, with a message naming the fix', async () => {
    const project = tempProject(fixture);
    server.setFaults({ delayMs: 5000 });
    const before = server.requests.length;
    try {
      const result = await runCliHere('translate', ['--lang', 'fr', '--timeout', '1'], project, env());
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /^readme-i18n: DeepL did not answer within 1 s while translating 5 texts from en into fr\. .*--timeout <seconds>/,
      );
      // Nothing asked twice: a silent server fails after one timeout (here, on the language lists).
      const asked = server.requests
        .slice(before)
        .map((request) => `${request.path}?${request.params.type ?? ''}`);
      expect(asked.length).toBeGreaterThan(0);
      expect(new Set(asked).size).toBe(asked.length);
    } finally {
      server.setFaults({});
    }
  });
});
