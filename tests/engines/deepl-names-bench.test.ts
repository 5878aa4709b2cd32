import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeeplServer, type DeeplServer } from '../servers/deepl-server.js';
import { tempProject } from '../helpers/cli.js';
import { expectFile, fixturesRoot } from '../helpers/fixtures.js';

const fixture = join(fixturesRoot, 'deepl-names');
const script = join(import.meta.dirname, '..', '..', 'bench', 'deepl-names.mjs');
const authKey = 'bench-key-3f9d2a71:fx';

/** Runs the benchmark script as a user would: its own process, the key in the environment. */
function runScript(args: readonly string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const { DEEPL_AUTH_KEY: _key, DEEPL_SERVER_URL: _url, ...inherited } = process.env;
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The run's date, Node version and temporary folder, which change from run to run. */
const steady = (text: string, folder: string) =>
  text
    .replaceAll(folder, '<folder>')
    .replace(/Node v\d+\.\d+\.\d+, \d{4}-\d{2}-\d{2}\./, 'Node <version>, <date>.');

describe('bench/deepl-names.mjs (hidden, visible and glossary names) against the DeepL test server', () => {
  let server: DeeplServer;
  beforeAll(async () => {
    server = await startDeeplServer({ authKey });
  });
  afterAll(async () => {
    await server.close();
  });

  it('translates each unit with a name three ways, counts per variant, writes its section and the sample, and deletes its glossary', async () => {
    const folder = tempProject();
    const benchmarks = join(folder, 'benchmarks.md');
    writeFileSync(benchmarks, '# Benchmarks\n\n## DeepL\n\nKept as it is.\n');
    const from = server.requests.length;
    const result = await runScript(
      [
        '--files',
        join(fixture, 'README.md'),
        '--benchmarks',
        benchmarks,
        '--samples',
        join(folder, 'samples'),
      ],
      { DEEPL_AUTH_KEY: authKey, DEEPL_SERVER_URL: server.url },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expectFile(join(fixture, 'expected', 'stdout.txt'), steady(result.stdout, folder));
    expect(steady(readFileSync(benchmarks, 'utf8'), folder)).toBe(
      `# Benchmarks\n\n## DeepL\n\nKept as it is.\n\n## DeepL: names hidden or visible (issue 12)\n\n${steady(result.stdout, folder)}\n`,
    );
    expectFile(join(fixture, 'expected', 'de.md'), readFileSync(join(folder, 'samples', 'de.md'), 'utf8'));
    const requests = server.requests.slice(from);
    expect(
      requests.map((request) => `${request.method} ${request.path.replace(/[\da-f-]{36}/, 'ID')}`),
    ).toEqual([
      'GET /v3/glossaries',
      'POST /v3/glossaries',
      ...Array.from({ length: 6 }, () => 'POST /v2/translate'),
      'DELETE /v3/glossaries/ID',
    ]);
    // A: names hidden; B: visible in the ignored tag; C: plain text with the glossary.
    const translate = requests.filter((request) => request.path === '/v2/translate');
    expect(
      translate.map((request) => [request.params.target_lang, request.params.glossary_id !== undefined]),
    ).toEqual([
      ['de', false],
      ['de', false],
      ['de', true],
      ['fr', false],
      ['fr', false],
      ['fr', true],
    ]);
    expect(translate.slice(0, 3).map((request) => request.textValues[2])).toEqual([
      '<x id="1"/> ships <x id="2"/>, a daemonless alternative to <x id="3"/>.',
      '<x id="1">Red Hat Enterprise Linux</x> ships <x id="2">Podman</x>, a daemonless alternative to <x id="3">Docker</x>.',
      'Red Hat Enterprise Linux ships Podman, a daemonless alternative to Docker.',
    ]);
    expect(server.glossaries.size).toBe(0);
    expect(`${result.stdout}${readFileSync(benchmarks, 'utf8')}`).not.toContain(authKey);
  });

  it('counts the names and tag sets an engine loses (a server that drops the first empty tag of each text)', async () => {
    const folder = tempProject();
    server.setFaults({ dropTag: true });
    const result = await runScript(
      [
        '--files',
        join(fixture, 'README.md'),
        '--langs',
        'de',
        '--benchmarks',
        join(folder, 'b.md'),
        '--samples',
        folder,
      ],
      { DEEPL_AUTH_KEY: authKey, DEEPL_SERVER_URL: server.url },
    );
    server.setFaults({});
    expect(result.status).toBe(0);
    // Every unit's first tag is a name in A; B and C lose only the inline code of line 3, and differ
    // from A wherever A lost its name.
    expect(result.stdout.split('\n').filter((line) => line.startsWith('| de |'))).toEqual([
      '| de | A | 3 of 8 | 0 of 5 | 0 | 284 |',
      '| de | B | 8 of 8 | 4 of 5 | 5 | 381 |',
      '| de | C | 8 of 8 | 4 of 5 | 5 | 269 |',
    ]);
  });

  it('says it is skipped, and writes nothing, without a key', async () => {
    const folder = tempProject();
    const result = await runScript(['--benchmarks', join(folder, 'benchmarks.md')], {});
    expect(result).toEqual({
      status: 0,
      stdout:
        'deepl-names: skipped, DEEPL_AUTH_KEY is not set (a DeepL API key; DEEPL_SERVER_URL for another server)\n',
      stderr: '',
    });
  });
});
