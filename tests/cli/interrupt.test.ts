import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../helpers/cli.js';
import { startDeeplServer, type DeeplServer } from '../servers/deepl-server.js';

// Issue 11: an interruption (Ctrl-C, a CI job cancelled) saves the work done, releases the lock,
// leaves no temporary file, says how to continue, and exits 130; a closed stdout ends quietly.
// Real child processes: the signal and the pipe are the point.
const root = join(import.meta.dirname, '..', '..');
const authKey = 'interrupt-test-key:fx';

/** 300 distinct paragraphs: 6 requests of 50 to DeepL. */
const readme = Array.from(
  { length: 300 },
  (_, index) => `Paragraph ${index + 1} says something about machine ${index + 1}.`,
).join('\n\n');

describe('interruptions, with real child processes', () => {
  let server: DeeplServer;
  beforeAll(async () => {
    server = await startDeeplServer({ authKey, translate: (text) => text.toUpperCase() });
  });
  afterAll(async () => {
    await server.close();
  });
  const env = () => ({ DEEPL_AUTH_KEY: authKey, DEEPL_SERVER_URL: server.url });
  const project = () => {
    const folder = tempProject();
    writeFileSync(join(folder, 'README.md'), `${readme}\n`);
    return folder;
  };

  /** `translate --lang fr` in its own process, one request at a time, its stderr gathered. */
  const spawnTranslate = (folder: string) => {
    const child = spawn(
      process.execPath,
      [join(root, 'bin', 'translate.js'), '--lang', 'fr', '--concurrency', '1'],
      { cwd: folder, env: { ...process.env, ...env() }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal })),
    );
    return { child, exited, stderr: () => stderr };
  };

  /** A slowed translate in its own process, once its first batch is saved in the memory. */
  const translateUntilSaved = async (folder: string) => {
    server.setFaults({ delayMs: 300 });
    const run = spawnTranslate(folder);
    // Bounded, and the run itself ends by itself in any case.
    const memoryFile = join(folder, 'locales', 'fr.po');
    for (let tries = 0; tries < 2400 && !existsSync(memoryFile); tries++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    return run;
  };

  it('SIGINT saves what is done, releases the lock, removes temporaries, exits 130, and a rerun finishes byte-identical', async () => {
    const folder = project();
    const run = await translateUntilSaved(folder);
    run.child.kill('SIGINT');
    const { code: status } = await run.exited;
    server.setFaults({});
    expect(status).toBe(130);
    const stderr = run.stderr();
    expect(stderr).toMatch(
      /readme-i18n: fr: interrupted; the (\d+) units translated by this run are saved in locales\/fr\.po, and running the same command again continues where it stopped\n$/,
    );
    const saved = Number(/the (\d+) units/.exec(stderr)?.[1]);
    expect(saved).toBeGreaterThanOrEqual(50);
    expect(saved).toBeLessThan(300);
    expect(readdirSync(join(folder, 'locales')).sort()).toEqual(['fr.po']);
    expect(readFileSync(join(folder, 'locales', 'fr.po'), 'utf8').match(/^msgid "Paragraph/gm)).toHaveLength(
      saved,
    );

    const before = server.requests.length;
    const rerun = await runCli('translate', ['--lang', 'fr'], folder, env());
    expect(rerun.status, rerun.stderr).toBe(0);
    const sent = server.requests
      .slice(before)
      .filter((request) => request.path === '/v2/translate')
      .flatMap((request) => request.textValues);
    expect(sent).toHaveLength(300 - saved);

    const clean = project();
    expect((await runCli('translate', ['--lang', 'fr'], clean, env())).status).toBe(0);
    expect(readFileSync(join(folder, 'locales', 'README.fr.md'), 'utf8')).toBe(
      readFileSync(join(clean, 'locales', 'README.fr.md'), 'utf8'),
    );
  });

  it('SIGINT before anything came back says so, and leaves a project without locales/ as it was', async () => {
    const folder = project();
    server.setFaults({ delayMs: 2000 });
    const before = server.requests.length;
    const { child, exited, stderr } = spawnTranslate(folder);
    // Bounded: once the first request is in flight (the memory's lock held, its folder made).
    const inFlight = () => server.requests.slice(before).some((request) => request.path === '/v2/translate');
    for (let tries = 0; tries < 2400 && !inFlight(); tries++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    child.kill('SIGINT');
    const { code } = await exited;
    server.setFaults({});
    expect(code).toBe(130);
    expect(stderr()).toMatch(
      /readme-i18n: fr: interrupted before any of the 300 units to send was translated; running the same command again sends them\n$/,
    );
    expect(existsSync(join(folder, 'locales'))).toBe(false);
  });

  it('takes a SIGINT delivered twice at once (as `timeout` does, to the process and its group) as one', async () => {
    const folder = project();
    const { child, exited, stderr: readStderr } = await translateUntilSaved(folder);
    child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGINT');
    const { code, signal } = await exited;
    server.setFaults({});
    const stderr = readStderr();
    // 130, or, when the second came once the run had handed back its signals, ended by it (a shell
    // shows 130 too); either way after the orderly stop, not instead of it.
    expect(code === 130 || signal === 'SIGINT', `${String(code)} ${String(signal)}`).toBe(true);
    expect(stderr).toMatch(
      /fr: interrupted; the \d+ units translated by this run are saved in locales\/fr\.po/,
    );
    expect(readdirSync(join(folder, 'locales'))).toEqual(['fr.po']);
  });

  it('a closed standard output (`check | head -1`) ends quietly, with the exit code of the check', async () => {
    const folder = project();
    const child = spawn(
      process.execPath,
      [join(root, 'bin', 'readme-i18n.js'), 'check', '--lang', 'fr,de,es'],
      {
        cwd: folder,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // The reader goes away before the first line, as `head` does after its lines.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });
});
