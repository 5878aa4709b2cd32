import { UsageError } from '../errors.js';
import { formatLanguageTag, primaryLanguage } from '../language-tag.js';
import { distance as levenshtein } from 'fastest-levenshtein';

/**
 * Language codes as users write them (`fr`, `pt_br`, `ZH-hans`, `en-gb`) and as DeepL wants them:
 * source codes are the bare language (`en`, `zh`), target codes carry the variant DeepL requires
 * (`en-US`/`en-GB`, `pt-PT`/`pt-BR`, `zh-Hans`/`zh-Hant`).
 */

/**
 * Targets DeepL refuses without a variant get the one DeepL used to mean by the bare code; users
 * who want the other variant write it (`en-GB`, `pt-BR`).
 */
const defaultVariant: Readonly<Record<string, string>> = { en: 'en-US', pt: 'pt-PT', zh: 'zh-Hans' };

/** Region codes that DeepL expresses as scripts. */
const chineseByRegion: Readonly<Record<string, string>> = {
  'zh-CN': 'zh-Hans',
  'zh-SG': 'zh-Hans',
  'zh-TW': 'zh-Hant',
  'zh-HK': 'zh-Hant',
  'zh-MO': 'zh-Hant',
};

/** The DeepL target code for a user's target code, before checking it against the server's list. */
export function toDeeplTarget(code: string): string {
  const normalized = formatLanguageTag(code);
  return chineseByRegion[normalized] ?? defaultVariant[normalized] ?? normalized;
}

/** The DeepL source code: DeepL detects source variants itself, so only the language is sent. */
export function toDeeplSource(code: string): string {
  return primaryLanguage(code);
}

/** A language as a server lists it. */
export interface LanguageEntry {
  readonly code: string;
  readonly name: string;
}

/**
 * Finds `wanted` in `available` (case-insensitively) or throws a UsageError that names the
 * nearest code the server offers, so the fix is one edit away.
 */
export function pickLanguage(
  wanted: string,
  available: readonly LanguageEntry[],
  role: 'source' | 'target',
): LanguageEntry {
  const key = wanted.toLowerCase();
  const found = available.find((entry) => entry.code.toLowerCase() === key);
  if (found !== undefined) return found;
  const nearest = nearestLanguage(wanted, available);
  const hint =
    nearest === undefined
      ? 'the server lists no languages at all'
      : `the nearest it offers is "${formatLanguageTag(nearest.code)}" (${nearest.name})`;
  throw new UsageError(
    `DeepL cannot translate ${role === 'source' ? 'from' : 'into'} "${wanted}": ${hint}. ` +
      `Change the ${role} language, or pick another engine with --engine apertium.`,
  );
}

/** The entry whose code shares the language, else the one with the smallest edit distance. */
export function nearestLanguage(
  wanted: string,
  available: readonly LanguageEntry[],
): LanguageEntry | undefined {
  const key = wanted.toLowerCase();
  const primary = key.split('-')[0] ?? key;
  let best: LanguageEntry | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const entry of available) {
    const code = entry.code.toLowerCase();
    // Same language, other variant beats any spelling neighbour.
    const score = code.split('-')[0] === primary ? 0 : 1 + levenshtein(key, code);
    if (score < bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}
