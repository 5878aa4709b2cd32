import { distance as levenshtein } from 'fastest-levenshtein';
import ISO6391 from 'iso-639-1';
import { UsageError } from '../errors.js';

/** The nearest known language code to what was typed: by English or native name, else by spelling. */
export function suggestLanguage(input: string): string {
  const lower = input.toLowerCase();
  const byName = ISO6391.getAllCodes().find(
    (code) =>
      ISO6391.getName(code).toLowerCase() === lower || ISO6391.getNativeName(code).toLowerCase() === lower,
  );
  if (byName) return byName;
  const primary = lower.split(/[-_]/)[0] ?? lower;
  let best = 'en';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const code of ISO6391.getAllCodes()) {
    const candidate = Math.min(
      levenshtein(primary, code),
      levenshtein(lower, ISO6391.getName(code).toLowerCase()),
    );
    if (candidate < bestDistance) {
      best = code;
      bestDistance = candidate;
    }
  }
  return best;
}

/**
 * Checks and canonicalises a BCP 47 language code (`fr`, `pt-BR`, `zh-Hans`); an unknown one is a
 * usage error that names the nearest valid code.
 */
export function normalizeLanguage(input: string, flag = '--lang'): string {
  const trimmed = input.trim().replace(/_/g, '-');
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    canonical = undefined;
  }
  const primary = canonical?.split('-')[0];
  if (canonical && primary && ISO6391.validate(primary)) return canonical;
  throw new UsageError(
    `unknown language code '${input}' in ${flag}: did you mean '${suggestLanguage(trimmed)}'? ` +
      'Use ISO 639-1 codes with an optional region or script, such as fr, pt-BR or zh-Hans.',
  );
}

/** Splits `fr,es , de` into checked, de-duplicated codes. */
export function parseLanguageList(list: string, flag = '--lang'): string[] {
  const codes = list
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  if (codes.length === 0)
    throw new UsageError(`${flag} needs at least one language code, for example ${flag} fr,es`);
  return [...new Set(codes.map((code) => normalizeLanguage(code, flag)))];
}
