import deepl from 'deepl-node';
import { UsageError } from '../errors.js';
import { primaryLanguage } from '../language-tag.js';

/**
 * The project's glossary as DeepL keeps it: one multilingual (v3) glossary, found by name, with
 * one dictionary per language pair. Do-not-translate words map to themselves in every pair;
 * terms map to their translation for one target. DeepL dictionaries are not regional, so
 * `pt-BR` and `pt-PT` share the `pt` dictionary.
 */
export interface DeeplGlossarySpec {
  /** The name the glossary is found by on the account, e.g. `readme-i18n: owner/repo`. */
  readonly name: string;
  readonly sourceLanguage: string;
  readonly targetLanguages: readonly string[];
  /** Words that must come back as they are (product names, commands). */
  readonly doNotTranslate: readonly string[];
  /** Per target language (`fr`, `pt-BR`): source term → its translation. */
  readonly terms?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface GlossaryDictionary {
  readonly sourceLang: string;
  readonly targetLang: string;
  readonly entries: Readonly<Record<string, string>>;
}

/** The dictionaries the spec asks for, empty ones left out (DeepL refuses them). */
export function glossaryDictionaries(spec: DeeplGlossarySpec): GlossaryDictionary[] {
  const sourceLang = primaryLanguage(spec.sourceLanguage);
  const byTarget = new Map<string, Record<string, string>>();
  for (const target of spec.targetLanguages) {
    const targetLang = primaryLanguage(target);
    if (targetLang === sourceLang) continue;
    const entries = byTarget.get(targetLang) ?? {};
    for (const word of spec.doNotTranslate) entries[word] = word;
    for (const [term, translation] of Object.entries(spec.terms?.[target] ?? {})) entries[term] = translation;
    byTarget.set(targetLang, entries);
  }
  return [...byTarget]
    .filter(([, entries]) => Object.keys(entries).length > 0)
    .map(([targetLang, entries]) => ({ sourceLang, targetLang, entries }));
}

/** The glossary to send with translations, and the pairs (`en>fr`) it has a dictionary for. */
export interface SyncedGlossary {
  readonly glossaryId: string;
  readonly pairs: ReadonlySet<string>;
}

export function pairKey(sourceLang: string, targetLang: string): string {
  return `${primaryLanguage(sourceLang)}>${primaryLanguage(targetLang)}`;
}

/**
 * Makes the account's glossary named `spec.name` hold exactly the spec's dictionaries: creates it
 * when missing, and replaces (or deletes) only the dictionaries whose entries changed, so an
 * unchanged glossary costs one list request and one read per dictionary.
 */
export async function syncGlossary(
  client: deepl.DeepLClient,
  spec: DeeplGlossarySpec,
  call: <T>(request: () => Promise<T>) => Promise<T>,
): Promise<SyncedGlossary | undefined> {
  const wanted = glossaryDictionaries(spec).map((dictionary) => ({
    sourceLangCode: dictionary.sourceLang,
    targetLangCode: dictionary.targetLang,
    entries: toEntries(dictionary, spec.name),
  }));
  if (wanted.length === 0) return undefined;
  const pairs = new Set(
    wanted.map((dictionary) => pairKey(dictionary.sourceLangCode, dictionary.targetLangCode)),
  );
  const existing = (await call(() => client.listMultilingualGlossaries())).find(
    (item) => item.name === spec.name,
  );
  if (existing === undefined) {
    const created = await call(() => client.createMultilingualGlossary(spec.name, wanted));
    return { glossaryId: created.glossaryId, pairs };
  }
  for (const dictionary of wanted) {
    const current = existing.dictionaries.find(
      (item) =>
        pairKey(item.sourceLangCode, item.targetLangCode) ===
        pairKey(dictionary.sourceLangCode, dictionary.targetLangCode),
    );
    if (current !== undefined && current.entryCount === Object.keys(dictionary.entries.entries()).length) {
      const stored = await call(() =>
        client.getMultilingualGlossaryDictionaryEntries(
          existing,
          current.sourceLangCode,
          current.targetLangCode,
        ),
      );
      if (sameEntries(stored.entries.entries(), dictionary.entries.entries())) continue;
    }
    await call(() => client.replaceMultilingualGlossaryDictionary(existing, dictionary));
  }
  for (const item of existing.dictionaries) {
    if (pairs.has(pairKey(item.sourceLangCode, item.targetLangCode))) continue;
    await call(() =>
      client.deleteMultilingualGlossaryDictionary(existing, item.sourceLangCode, item.targetLangCode),
    );
  }
  return { glossaryId: existing.glossaryId, pairs };
}

function toEntries(dictionary: GlossaryDictionary, name: string): deepl.GlossaryEntries {
  try {
    const entries = new deepl.GlossaryEntries({ entries: { ...dictionary.entries } });
    entries.toTsv(); // validates every term now, not halfway through the upload
    return entries;
  } catch (error) {
    throw new UsageError(
      `The glossary "${name}" has a term DeepL cannot store (${dictionary.sourceLang}→${dictionary.targetLang}): ` +
        `${error instanceof Error ? error.message : String(error)}. Remove tabs, line breaks and surrounding spaces from it.`,
    );
  }
}

function sameEntries(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] === a[key]);
}
