import { parse, stringify, type Schema } from 'bcp-47';
import { distance as levenshtein } from 'fastest-levenshtein';
import { UsageError } from './errors.js';
import { languageTable } from './language-table.js';

/**
 * Language tags (BCP 47), in one place: which are valid, their canonical spelling, the nearest valid
 * tag to a wrong one, a language's name and its script's direction. Subtags are checked against
 * ISO 639-3 (languages) and the Unicode CLDR data in `Intl` (regions, scripts, variants).
 */

/** ISO 639-3 languages: code, ISO 639-1 code (or ''), English name; read from the table on first need. */
let languages: ReadonlyArray<readonly [string, string, string]> | undefined;
let namesByCode: Map<string, string> | undefined;

function allLanguages(): ReadonlyArray<readonly [string, string, string]> {
  languages ??= languageTable
    .slice(1, -1)
    .split('\n')
    .map((line) => line.split('\t') as [string, string, string]);
  return languages;
}

/** The English name of an ISO 639-3 or ISO 639-1 code. */
function languageName(code: string): string | undefined {
  if (namesByCode === undefined) {
    namesByCode = new Map();
    for (const [iso6393, iso6391, name] of allLanguages()) {
      namesByCode.set(iso6393, name);
      if (iso6391) namesByCode.set(iso6391, name);
    }
  }
  return namesByCode.get(code);
}

/** Whether `code` is an ISO 639-3 code or an ISO 639-1 code, found in the table without reading it all. */
export function knownLanguage(code: string): boolean {
  if (!/^[a-z]{2,3}$/.test(code)) return false;
  return languageTable.includes(code.length === 3 ? `\n${code}\t` : `\t${code}\t`);
}

/** Private-use regions kept as the pseudo-locales they conventionally name (`en-XA`, `ar-XB`). */
const pseudoRegions = new Set(['XA', 'XB', 'XC']);

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const scriptNames = new Intl.DisplayNames(['en'], { type: 'script', fallback: 'none' });
const variantNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

function knownRegion(region: string): boolean {
  const upper = region.toUpperCase();
  if (pseudoRegions.has(upper)) return true;
  if (/^(?:AA|Q[M-Z]|X[A-Z]|ZZ)$/.test(upper)) return false;
  return regionNames.of(upper) !== undefined;
}

function knownScript(script: string): boolean {
  return scriptNames.of(script.charAt(0).toUpperCase() + script.slice(1).toLowerCase()) !== undefined;
}

function knownVariant(variant: string): boolean {
  return variantNames.of(`en-${variant.toLowerCase()}`) !== undefined;
}

/** The subtag of a parsed tag that is not valid, if any, with the tag that fixes it. */
function firstProblem(schema: Schema): { part: string; fix: string } | undefined {
  const language = schema.language?.toLowerCase() ?? '';
  if (!knownLanguage(language)) return { part: language, fix: nearestLanguage(language) };
  const likely = likelySubtags(language);
  if (schema.script && !knownScript(schema.script))
    return { part: schema.script, fix: stringify({ ...schema, script: likely.script ?? null }) };
  if (schema.region && !knownRegion(schema.region))
    return { part: schema.region, fix: stringify({ ...schema, region: likely.region ?? null }) };
  const variant = schema.variants.find((name) => !knownVariant(name));
  if (variant !== undefined)
    return {
      part: variant,
      fix: stringify({ ...schema, variants: schema.variants.filter((name) => name !== variant) }),
    };
  return undefined;
}

function likelySubtags(language: string): { script?: string; region?: string } {
  try {
    const maximal = new Intl.Locale(language).maximize();
    return { script: maximal.script, region: maximal.region };
  } catch {
    return {};
  }
}

/** The ISO 639 code nearest to `input`: by English or native name, else by spelling. */
export function nearestLanguage(input: string): string {
  const lower = input.toLowerCase();
  const primary = lower.split(/[-_]/)[0] ?? lower;
  let best = 'en';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [, code, name] of allLanguages()) {
    if (code === '') continue;
    const english = name.toLowerCase();
    const native = nativeName(code).toLowerCase();
    if (english === lower || native === lower) return code;
    const candidate = Math.min(
      levenshtein(primary, code),
      levenshtein(lower, english),
      levenshtein(lower, native),
    );
    if (candidate < bestDistance) {
      best = code;
      bestDistance = candidate;
    }
  }
  return best;
}

/**
 * The canonical spelling of a valid tag (`pt_br` → `pt-BR`, `fra` → `fr`, `ca-VALENCIA` →
 * `ca-valencia`), or undefined when a subtag is unknown or the tag is malformed.
 */
export function canonicalLanguageTag(input: string): string | undefined {
  const schema = parse(intlCanonical(input.trim().replace(/_/g, '-')));
  if (!schema.language || firstProblem(schema) !== undefined) return undefined;
  return Intl.getCanonicalLocales(stringify(schema))[0];
}

/** Whether `value` is a valid language tag (`fr`, `pt-BR`, `zh-Hans`, `ast`, `ca-valencia`). */
export function isLanguageTag(value: string): boolean {
  return canonicalLanguageTag(value) !== undefined;
}

/**
 * Checks and canonicalises a language tag; an unknown one is a usage error that names the subtag at
 * fault and the nearest valid tag (`es-SP` → `es-ES`).
 */
export function normalizeLanguage(input: string, flag = '--lang'): string {
  const trimmed = input.trim().replace(/_/g, '-');
  const shown = `'${trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed}'`;
  const schema = parse(intlCanonical(trimmed));
  const problem: { part: string; fix: string } | undefined = schema.language
    ? firstProblem(schema)
    : { part: trimmed, fix: nearestLanguage(trimmed.slice(0, 40)) };
  if (problem !== undefined) {
    const fix = Intl.getCanonicalLocales(problem.fix)[0] ?? problem.fix;
    const part = JSON.stringify(problem.part.length > 40 ? `${problem.part.slice(0, 40)}…` : problem.part);
    throw new UsageError(
      `unknown language code ${shown} in ${flag}: did you mean '${fix}'? ${part} is not a valid ` +
        `${subtagKind(schema, problem.part)}. Use BCP 47 tags such as fr, pt-BR, zh-Hans or ast.`,
    );
  }
  return Intl.getCanonicalLocales(stringify(schema))[0] ?? trimmed;
}

/** `Intl`'s canonical form (`iw` → `he`, `fra` → `fr`), or the input when `Intl` refuses it. */
function intlCanonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

function subtagKind(schema: Schema, part: string): string {
  if (!schema.language) return 'language tag';
  if (part === schema.language.toLowerCase()) return 'ISO 639 language';
  if (part === schema.script) return 'script';
  if (part === schema.region) return 'region';
  return 'variant';
}

/** Splits `fr,es , de` into checked, de-duplicated tags. */
export function parseLanguageList(list: string, flag = '--lang'): string[] {
  const codes = list
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  if (codes.length === 0)
    throw new UsageError(`${flag} needs at least one language code, for example ${flag} fr,es`);
  return [...new Set(codes.map((code) => normalizeLanguage(code, flag)))];
}

/**
 * Canonical casing of a tag as a server spells it, without checking it (`EN-US` → `en-US`,
 * `zh-hans` → `zh-Hans`); a tag with no language subtag is a usage error.
 */
export function formatLanguageTag(code: string): string {
  const schema = parse(code.trim().replace(/_/g, '-'));
  if (!schema.language) {
    throw new UsageError(
      `"${code}" is not a language code: expected a BCP 47 code such as "fr", "pt-BR" or "zh-Hans".`,
    );
  }
  return stringify({
    ...schema,
    language: schema.language.toLowerCase(),
    script: schema.script
      ? schema.script.charAt(0).toUpperCase() + schema.script.slice(1).toLowerCase()
      : null,
    region: schema.region ? schema.region.toUpperCase() : null,
  });
}

/** Whether a tag names a pseudo-locale (`en-XA`, `ar-XB`): the pseudo engine's, no language's. */
export function isPseudoLocale(code: string): boolean {
  return code
    .split('-')
    .slice(1)
    .some((subtag) => pseudoRegions.has(subtag.toUpperCase()));
}

/** The primary language subtag: `pt-BR` → `pt`. */
export function primaryLanguage(code: string): string {
  return formatLanguageTag(code).split('-')[0] ?? '';
}

/** A language's name in that language, capitalised as a menu item: `Français`, `日本語`. */
export function nativeName(lang: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang);
  } catch {
    name = undefined;
  }
  if (!name || name === lang) return languageName(lang.split('-')[0] ?? lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** Scripts written right to left, for runtimes whose `Intl.Locale` has no text info. */
const rightToLeftScripts = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

/** `rtl` for a tag whose (likely) script is written right to left (Arabic, Hebrew, Sorani…), else `ltr`. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(lang).maximize();
  } catch {
    return 'ltr';
  }
  const info = (locale as Intl.Locale & { textInfo?: { direction?: string } }).textInfo;
  if (info?.direction !== undefined) return info.direction === 'rtl' ? 'rtl' : 'ltr';
  return locale.script !== undefined && rightToLeftScripts.has(locale.script) ? 'rtl' : 'ltr';
}
