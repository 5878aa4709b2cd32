import { findBrowser } from '../../render/find-browser.js';
import { ReadmeI18nError } from '../../errors.js';
import { ok, problem, type CheckResult } from './check.js';
import { firstLineOf } from './run-command.js';

const name = 'Chromium';

/** The Chromium that `render` would print with (the render finder's own rules), and that it runs. */
export async function checkChromium(env: NodeJS.ProcessEnv = process.env): Promise<CheckResult> {
  const override = env.PUPPETEER_EXECUTABLE_PATH;
  let browser: string;
  try {
    browser = findBrowser(undefined, env);
  } catch (error) {
    if (!(error instanceof ReadmeI18nError)) throw error;
    return problem(
      name,
      override
        ? `PUPPETEER_EXECUTABLE_PATH is ${override}, which is not an executable`
        : 'not found; `render` needs it to print PDFs',
      [
        'sudo apt-get install chromium',
        ...(override
          ? ['unset PUPPETEER_EXECUTABLE_PATH   # or point it at a Chrome or Chromium binary']
          : []),
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
