import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { ReadmeI18nError } from '../errors.js';
import { BrowserMissingError, type BrowserSource } from './errors.js';

/**
 * Where Google Chrome, then Chromium, are installed on Linux, in the order tried. Chrome comes
 * first: GitHub's hosted runners carry both, and their Chromium snapshot has failed to start its
 * sandbox ("No usable sandbox!") where Chrome starts.
 */
export const browserCandidates: readonly string[] = [
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
];

/**
 * The Chrome or Chromium to print with: the path given (the CLI's --browser, the Action's
 * `chrome-path`), else `PUPPETEER_EXECUTABLE_PATH`, else `CHROME_BIN` (each, when set, the only one
 * tried), else the first executable candidate. `explicitName` is how the message names the path given.
 */
export function findBrowser(
  explicit?: string,
  env: NodeJS.ProcessEnv = process.env,
  explicitName: BrowserSource = '--browser',
): string {
  const named: Array<[string | undefined, BrowserSource]> = [
    [explicit, explicitName],
    [env['PUPPETEER_EXECUTABLE_PATH'], 'PUPPETEER_EXECUTABLE_PATH'],
    [env['CHROME_BIN'], 'CHROME_BIN'],
  ];
  const [override, source] = named.find(([path]) => path !== undefined && path !== '') ?? [];
  const candidates = override ? [override] : browserCandidates;
  const found = candidates.find(isExecutable);
  if (found === undefined) throw new BrowserMissingError(candidates, source);
  return found;
}

/** The browser would not start because its sandbox could not. */
export class BrowserSandboxError extends ReadmeI18nError {
  constructor(executablePath: string, options: { cause?: unknown } = {}) {
    super(
      `${executablePath} could not start its sandbox ("No usable sandbox!"): this system does not let it make ` +
        'the user namespaces it sandboxes pages with (Ubuntu 23.10 and later restrict them through AppArmor). ' +
        "Print with Google Chrome instead (the Action's input `chrome-path: /usr/bin/google-chrome`, or " +
        'PUPPETEER_EXECUTABLE_PATH), or allow the namespaces: ' +
        '`sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`',
      { exitCode: 1, cause: options.cause },
    );
  }
}

const sandboxFailure = /no usable sandbox|setuid sandbox|sandbox.*(?:namespace|not configured)/i;

/**
 * A launch failure as the error to show: a sandbox failure explained, anything else as it is.
 * Over a pipe Puppeteer keeps none of what the browser printed, so the browser is started once
 * more, alone, to read why it stopped.
 */
export async function explainLaunchFailure(error: unknown, executablePath: string): Promise<unknown> {
  const message = error instanceof Error ? error.message : String(error);
  const printed = await new Promise<string>((done) => {
    execFile(
      executablePath,
      ['--headless', '--disable-gpu', '--dump-dom', 'about:blank'],
      { timeout: 10_000, encoding: 'utf8' },
      (_failed, stdout, stderr) => done(`${stdout}\n${stderr}`),
    );
  });
  if (sandboxFailure.test(message) || sandboxFailure.test(printed)) {
    return new BrowserSandboxError(executablePath, { cause: error });
  }
  const reason = printed.split('\n').find((line) => /error/i.test(line));
  return reason === undefined || message.includes(reason.trim())
    ? error
    : new ReadmeI18nError(`${executablePath} did not start: ${reason.trim()} (${message})`, { cause: error });
}

/** An executable file (a folder passes the X_OK test, but is no browser). */
function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
