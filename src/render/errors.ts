import { ReadmeI18nError } from '../errors.js';

/** Where the path of the browser came from, when one was named. */
export type BrowserSource =
  '--browser' | 'the input chrome-path' | 'PUPPETEER_EXECUTABLE_PATH' | 'CHROME_BIN';

/**
 * No Chrome or Chromium to print with: names every path tried, where a named one came from, and
 * the fixes (install one, or name one). Exit 1: the PDFs could not be made; the command was right.
 */
export class BrowserMissingError extends ReadmeI18nError {
  readonly searched: readonly string[];

  constructor(searched: readonly string[], source?: BrowserSource) {
    super(
      source === undefined
        ? `no Chrome or Chromium found (looked at ${searched.join(', ')}). Install one with ` +
            "`sudo apt-get install chromium`, or name one with --browser <path> (the Action's input " +
            'chrome-path), PUPPETEER_EXECUTABLE_PATH or CHROME_BIN.'
        : `no Chrome or Chromium at ${searched.join(', ')} (named by ${source}): not an executable file. ` +
            `Point ${source} at a Chrome or Chromium binary, or ${source === '--browser' ? 'leave it out' : 'leave it unset'} to use the one installed ` +
            '(`sudo apt-get install chromium` installs Chromium).',
      { exitCode: 1 },
    );
    this.searched = searched;
  }
}

/** A language was asked for but its translated README does not exist yet. */
export class TranslationMissingError extends ReadmeI18nError {
  constructor(lang: string, file: string) {
    super(
      `no translation for "${lang}": ${file} does not exist. Create it with \`readme-i18n translate --lang ${lang}\`, ` +
        'or leave the language out of --lang.',
      { exitCode: 2 },
    );
  }
}

/** A page took longer than its time limit to load or print. */
export class PageTimeoutError extends ReadmeI18nError {
  constructor(what: string, limitMs: number, options: { cause?: unknown } = {}) {
    super(
      `${what} did not finish within ${limitMs} ms. Raise the limit with --page-timeout <ms>, ` +
        'or split the document if it is very large.',
      { exitCode: 1, cause: options.cause },
    );
  }
}
