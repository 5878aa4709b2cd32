import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { watchBrowser } from './browser-watchdog.js';
import { explainLaunchFailure, findBrowser } from './find-browser.js';

/** The flags every launch uses: no background traffic, nothing remembered between runs. */
export function browserArgs(): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-quic',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-dev-shm-usage',
  ];
  // Chromium refuses to start as root with its sandbox on; only then is it turned off.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

/** A running browser with its own fresh profile; `close` ends it and removes the profile. */
export interface SharedBrowser {
  readonly browser: Browser;
  readonly executablePath: string;
  close(): Promise<void>;
}

export async function launchBrowser(explicitPath?: string): Promise<SharedBrowser> {
  const executablePath = findBrowser(explicitPath);
  const userDataDir = join(tmpdir(), `readme-i18n-chromium-${randomBytes(8).toString('hex')}`);
  // The watchdog first, the folder after: a run killed at any moment leaves no profile behind.
  const watchdog = watchBrowser(userDataDir);
  try {
    mkdirSync(userDataDir, { mode: 0o700 });
  } catch (error) {
    watchdog.forget(); // not ours to remove (a name taken already) or not made
    throw error;
  }
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: browserArgs(),
      userDataDir,
      // Chromium's own temporary files go inside the profile, so they are removed with it.
      env: { ...process.env, TMPDIR: userDataDir },
      // Over a pipe, the browser ends when this process does, even killed with SIGKILL.
      pipe: true,
      // Signals are the CLI's to handle: it stops the render cleanly, then closes the browser.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    watchdog.release();
    throw await explainLaunchFailure(error, executablePath);
  }
  const pid = browser.process()?.pid;
  if (pid !== undefined) watchdog.started(pid);
  return {
    browser,
    executablePath,
    close: async () => {
      try {
        await browser.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
        watchdog.release();
      }
    },
  };
}
