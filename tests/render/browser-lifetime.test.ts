import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { cp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'readme-i18n.js');
const fixture = new URL('../fixtures/render-site/', import.meta.url).pathname;

/** Processes whose command line names `folder` (Chromium's names its profile there). */
async function processesUsing(folder: string): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const commandLine = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (commandLine.includes(folder) && !commandLine.includes(bin)) found.push(Number(entry));
  }
  return found;
}

/** Polls `check` until it holds, for at most `tries` × 100 ms; its last value either way. */
async function eventually<T>(check: () => Promise<T>, holds: (value: T) => boolean, tries = 300): Promise<T> {
  let value = await check();
  for (let attempt = 0; attempt < tries && !holds(value); attempt++) {
    await sleep(100);
    value = await check();
  }
  return value;
}

/** Starts `render --pdf` as a real process with a temporary folder of its own. */
async function startRender() {
  const root = tempDir('render-kill-');
  const temporary = tempDir('render-kill-tmp-');
  await cp(fixture, root, { recursive: true });
  const child = spawn(process.execPath, [bin, 'render', '--pdf', '--concurrency', '1'], {
    cwd: root,
    env: { ...process.env, TMPDIR: temporary, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, temporary, stderr: () => stderr };
}

/** `startRender`, resolved once Chromium runs. */
async function renderUntilChromium() {
  const run = await startRender();
  const { temporary } = run;
  const running = await eventually(
    () => processesUsing(temporary),
    (pids) => pids.length > 0,
  );
  expect(running.length).toBeGreaterThan(0);
  return run;
}

/** No process uses the run's temporary folder, and the folder is empty (both waited for, bounded). */
async function expectNothingLeft(temporary: string): Promise<void> {
  expect(
    await eventually(
      () => processesUsing(temporary),
      (pids) => pids.length === 0,
    ),
  ).toEqual([]);
  expect(
    await eventually(
      () => readdir(temporary),
      (files) => files.length === 0,
    ),
  ).toEqual([]);
}

describe('the browser lives no longer than render (real processes)', () => {
  it('leaves no Chromium and no profile when render is killed with SIGKILL', async () => {
    const run = await renderUntilChromium();
    run.child.kill('SIGKILL');
    expect(await run.exited).toBeNull();
    await expectNothingLeft(run.temporary);
  }, 60_000);

  it('leaves no profile when render is killed with SIGKILL the moment the profile folder appears', async () => {
    // The folder appears while render may be busy with the Markdown: nothing of its own runs until
    // it is done, so only a watchdog started before the folder is made can remove it.
    for (let attempt = 0; attempt < 3; attempt++) {
      const run = await startRender();
      const watcher = watch(run.temporary, () => run.child.kill('SIGKILL'));
      try {
        expect(await run.exited).toBeNull();
      } finally {
        watcher.close();
      }
      await expectNothingLeft(run.temporary);
    }
  }, 60_000);

  it('stops cleanly on SIGTERM: a message, exit 130, no stack trace, nothing left', async () => {
    const run = await renderUntilChromium();
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(130);
    expect(run.stderr()).toBe(
      '\nreadme-i18n: SIGTERM: stopping after the write in progress (again to stop at once)…\n' +
        'readme-i18n: render stopped: the pages and PDFs written so far are kept and the browser is closed; run render again to finish\n',
    );
    await expectNothingLeft(run.temporary);
  }, 60_000);
});
