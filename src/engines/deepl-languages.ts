import type deepl from 'deepl-node';
import { pickLanguage, toDeeplSource, toDeeplTarget } from './deepl-language-codes.js';

export interface DeeplLanguages {
  /** The DeepL source code for a user's code (`en-GB` → `en`); throws UsageError naming the nearest. */
  source(code: string): Promise<string>;
  /** The DeepL target code for a user's code (`en` → `en-US`); throws UsageError naming the nearest. */
  target(code: string): Promise<string>;
}

/** Checks codes against the languages the server reports, asking it once per run for each list. */
export function createDeeplLanguages(
  translator: deepl.Translator,
  call: <T>(request: () => Promise<T>) => Promise<T>,
): DeeplLanguages {
  let sources: Promise<readonly deepl.Language[]> | undefined;
  let targets: Promise<readonly deepl.Language[]> | undefined;
  return {
    async source(code) {
      sources ??= call(() => translator.getSourceLanguages());
      return pickLanguage(
        toDeeplSource(code),
        await retryLater(sources, () => (sources = undefined)),
        'source',
      ).code;
    },
    async target(code) {
      targets ??= call(() => translator.getTargetLanguages());
      return pickLanguage(
        toDeeplTarget(code),
        await retryLater(targets, () => (targets = undefined)),
        'target',
      ).code;
    },
  };
}

/** A failed list request is forgotten, so the next translation asks again. */
async function retryLater<T>(pending: Promise<T>, forget: () => void): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    forget();
    throw error;
  }
}
