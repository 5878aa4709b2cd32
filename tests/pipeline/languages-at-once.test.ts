import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeeplServer, type DeeplServer } from '../servers/deepl-server.js';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { fixturesRoot } from '../helpers/fixtures.js';

const fixture = join(fixturesRoot, 'cli-translate');
const authKey = 'test-key-5b1d7c3e:fx';

/** Every file of a project, by path, as bytes. */
const filesOf = (folder: string) =>
  Object.fromEntries(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = join(entry.parentPath, entry.name);
        return [relative(folder, file), readFileSync(file)];
      })
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );

/** The report lines without their times. */
const withoutTimes = (stdout: string) => stdout.replace(/, \d+\.\d s$/gm, '');

describe('several languages in one run', () => {
  let server: DeeplServer;
  beforeAll(async () => {
    // Each answer takes a while: languages whose requests overlap show it in the server's peak.
    server = await startDeeplServer({ authKey, faults: { delayMs: 300 } });
  });
  afterAll(async () => {
    await server.close();
  });
  const env = () => ({ DEEPL_AUTH_KEY: authKey, DEEPL_SERVER_URL: server.url });

  it('are translated side by side, into the same bytes and the same report as one after the other', async () => {
    const alone = tempProject(fixture);
    const sequential = await runCliHere(
      'translate',
      ['--lang', 'fr,de,es', '--concurrency', '1'],
      alone,
      env(),
    );
    expect(sequential.status).toBe(0);
    expect(server.peakConcurrency).toBe(1);
    const together = tempProject(fixture);
    const concurrent = await runCliHere('translate', ['--lang', 'fr,de,es'], together, env());
    expect(concurrent).toMatchObject({ status: 0, stderr: '' });
    expect(server.peakConcurrency).toBe(3);
    expect(filesOf(together)).toEqual(filesOf(alone));
    expect(withoutTimes(concurrent.stdout)).toBe(withoutTimes(sequential.stdout));
    expect(withoutTimes(concurrent.stdout).split('\n').slice(0, 3)).toEqual([
      'fr: locales/README.fr.md — 5 units (5 unique), 0 from memory, 5 sent in 1 requests (157 characters, 157 billed)',
      'de: locales/README.de.md — 5 units (5 unique), 0 from memory, 5 sent in 1 requests (157 characters, 157 billed)',
      'es: locales/README.es.md — 5 units (5 unique), 0 from memory, 5 sent in 1 requests (157 characters, 157 billed)',
    ]);
  });

  it('are reported in the order asked for, also when a later one is done first', async () => {
    const project = tempProject(fixture);
    expect((await runCliHere('translate', ['--lang', 'de,es'], project, env())).status).toBe(0);
    // fr waits for the server; de and es have nothing to do and are done at once.
    const result = await runCliHere('translate', ['--lang', 'fr,de,es', '--json'], project, env());
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').map((line) => (line === '' ? '' : JSON.parse(line).lang))).toEqual([
      'fr',
      'de',
      'es',
      '',
    ]);
  });
});
