import { ReadmeI18nError } from '../errors.js';

/** No Chromium to print with: names the package that provides one and the override variable. */
export class BrowserMissingError extends ReadmeI18nError {
  constructor(searched: readonly string[]) {
    super(
      `no Chromium found (looked at ${searched.join(', ')}). Install it with \`apt-get install chromium\` ` +
        'or point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium binary.',
      { exitCode: 1 },
    );
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
