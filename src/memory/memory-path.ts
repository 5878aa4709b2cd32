import { UsageError } from '../errors.js';

/**
 * The PO file of a language from a template such as `locales/{lang}.po` (the `--memory` option;
 * its default is resolved with the other translate options).
 */
export function memoryPath(template: string, lang: string): string {
  if (!template.includes('{lang}')) {
    throw new UsageError(
      `the memory path "${template}" has no {lang}, so every language would share one PO file; use for example --memory "locales/{lang}.po"`,
    );
  }
  return template.split('{lang}').join(lang);
}
