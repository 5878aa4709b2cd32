import { accessSync, constants } from 'node:fs';
import { BrowserMissingError } from './errors.js';

/** Where Debian, Ubuntu and Google put the browser, in the order tried. */
export const browserCandidates: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/**
 * The Chromium to print with: the path given, else `PUPPETEER_EXECUTABLE_PATH` when set (and then
 * only it), else the first executable candidate.
 */
export function findBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = explicit ?? env['PUPPETEER_EXECUTABLE_PATH'];
  const candidates = override ? [override] : browserCandidates;
  const found = candidates.find(isExecutable);
  if (found === undefined) throw new BrowserMissingError(candidates);
  return found;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
