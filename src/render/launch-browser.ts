import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
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
  const userDataDir = await mkdtemp(join(tmpdir(), 'readme-i18n-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({ executablePath, headless: true, args: browserArgs(), userDataDir });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw explainLaunchFailure(error, executablePath);
  }
  return {
    browser,
    executablePath,
    close: async () => {
      try {
        await browser.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
}
