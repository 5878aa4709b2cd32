import { basename } from 'node:path';
import type { DeeplGlossarySpec } from '../engines/deepl-glossary.js';
import { formatLanguageTag, primaryLanguage } from '../language-tag.js';

/** The `terms:` setting: term → { language code: its translation }. */
export type TermsSetting = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * The fixed translations of the `terms:` setting into one language (`pt-BR` takes a `pt-BR` entry,
 * else a `pt` one). A term without one for this language is kept as written.
 */
export function termTranslations(terms: TermsSetting, lang: string): ReadonlyMap<string, string> {
  const wanted = formatLanguageTag(lang);
  const primary = primaryLanguage(wanted);
  const out = new Map<string, string>();
  for (const [term, byLanguage] of Object.entries(terms)) {
    const entries = Object.entries(byLanguage).map(
      ([code, text]) => [formatLanguageTag(code), text] as const,
    );
    const translation =
      entries.find(([code]) => code === wanted)?.[1] ?? entries.find(([code]) => code === primary)?.[1];
    if (translation !== undefined) out.set(term, translation);
  }
  return out;
}

/**
 * The project's DeepL glossary: `glossary:` / `--glossary` words kept as they are in every language,
 * each `terms:` entry mapped to its translation (or to itself where it has none for a language).
 * Named after the repository (`GITHUB_REPOSITORY`, else the work tree's folder), so each project
 * keeps one glossary on the account; undefined when there is nothing to put in it.
 */
export function deeplGlossaryOf(options: {
  readonly from: string;
  readonly langs: readonly string[];
  readonly glossary: readonly string[];
  readonly terms: TermsSetting;
  /** `owner/name` from `GITHUB_REPOSITORY`, else undefined. */
  readonly repository: string | undefined;
  /** The work tree's root folder. */
  readonly root: string;
}): DeeplGlossarySpec | undefined {
  const termList = Object.keys(options.terms);
  if (options.glossary.length === 0 && termList.length === 0) return undefined;
  const project = options.repository?.trim() || basename(options.root);
  return {
    name: `readme-i18n: ${project}`,
    sourceLanguage: options.from,
    targetLanguages: options.langs,
    doNotTranslate: options.glossary,
    terms: Object.fromEntries(
      options.langs.map((lang) => {
        const translations = termTranslations(options.terms, lang);
        return [lang, Object.fromEntries(termList.map((term) => [term, translations.get(term) ?? term]))];
      }),
    ),
  };
}
