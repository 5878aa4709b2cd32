import { findBrowser } from '../../render/find-browser.js';
import { BrowserMissingError } from '../../render/errors.js';
import { ok, problem, type CheckResult } from './check.js';
import { firstLineOf } from './run-command.js';

const name = 'Chromium';

/** The Chromium that `render` would print with (the render finder's own rules), and that it runs. */
export async function checkChromium(env: NodeJS.ProcessEnv = process.env): Promise<CheckResult> {
  let browser: string;
  try {
    browser = findBrowser(undefined, env);
  } catch (error) {
    if (!(error instanceof BrowserMissingError)) throw error;
    // The variable that chose the path (PUPPETEER_EXECUTABLE_PATH first, as the finder reads them).
    const variable = (['PUPPETEER_EXECUTABLE_PATH', 'CHROME_BIN'] as const).find((name) => env[name]);
    return problem(
      name,
      variable
        ? `${variable} is ${env[variable]}, which is not an executable`
        : `not found (looked at ${error.searched.join(', ')}); \`render\` needs it to print PDFs`,
      [
        'sudo apt-get install chromium',
        ...(variable ? [`unset ${variable}   # or point it at a Chrome or Chromium binary`] : []),
      ],
    );
  }
  const version = await firstLineOf(browser, ['--version']);
  if (version === undefined) {
    return problem(name, `${browser} is there but does not run (\`${browser} --version\` failed)`, [
      'sudo apt-get install --reinstall chromium',
    ]);
  }
  return ok(name, `${browser} (${version})`);
}
