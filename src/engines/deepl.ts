import deepl from 'deepl-node';
import { UsageError } from '../errors.js';
import type { Engine, EngineLimits, TranslateRequest, TranslateResult } from './engine.js';
import { toEngineError, isRetryable } from './deepl-errors.js';
import { pairKey, syncGlossary, type SyncedGlossary } from './deepl-glossary.js';
import { createDeeplLanguages } from './deepl-languages.js';
import { resolveDeeplOptions, type DeeplEngineOptions, type DeeplFormality } from './deepl-options.js';
import { createLimiter, withRetry } from './retry.js';
import { formatLanguageTag, primaryLanguage } from '../language-tag.js';

/** Characters used and allowed in the current billing period. */
export interface DeeplUsage {
  readonly characterCount: number;
  readonly characterLimit: number;
}

export interface DeeplEngine extends Engine {
  /** Characters used and allowed this period, for `translate --dry-run`; undefined if the plan has no such limit. */
  getUsage(): Promise<DeeplUsage | undefined>;
}

/** DeepL's own limit on one request's body; the form encoding of non-ASCII text can triple its size. */
const maxBodyBytes = 128 * 1024;
/** Room for the parameters other than the texts (languages, tags, glossary id). */
const parameterBytes = 1024;

/**
 * How every request sends tagged text: `<x/>` (a kept name, code) is never translated, `<g>` (a
 * formatting span) never splits a sentence, and the engine keeps the unit's own line breaks.
 */
export const taggedTextOptions = {
  tagHandling: 'xml',
  tagHandlingVersion: 'v2',
  ignoreTags: ['x'],
  nonSplittingTags: ['g'],
  outlineDetection: false,
  splitSentences: 'nonewlines',
} as const satisfies deepl.TranslateTextOptions;

/**
 * The DeepL engine: XML tag handling (v2) with our tags, `<x/>` ignored and `<g>` not splitting,
 * one sentence unit per text. Safe to call concurrently: at most `concurrency` requests are in
 * flight, each retried on 429/5xx with backoff; a 456 becomes a QuotaExceededError.
 */
export function createDeeplEngine(options: DeeplEngineOptions): DeeplEngine {
  const settings = resolveDeeplOptions(options);
  const client = new deepl.DeepLClient(settings.authKey, {
    // deepl-node's own retries wait 1 s or more and cannot be tuned; ours can.
    maxRetries: 0,
    minTimeout: settings.requestTimeoutMs,
    sendPlatformInfo: false,
    ...(settings.serverUrl === undefined ? {} : { serverUrl: settings.serverUrl }),
  });
  const call = <T>(request: () => Promise<T>): Promise<T> => withRetry(request, settings, isRetryable);
  const limit = createLimiter(settings.concurrency);
  const languages = createDeeplLanguages(client, call);
  let glossary: Promise<SyncedGlossary | undefined> | undefined;
  const spec = settings.glossary;

  async function translateOnce(texts: string[], request: TranslateRequest): Promise<deepl.TextResult[]> {
    const [source, target] = await Promise.all([
      languages.source(request.from),
      languages.target(request.to),
    ]);
    glossary ??=
      spec === undefined ? Promise.resolve(undefined) : call(() => syncGlossary(client, spec, call));
    const synced = await glossary;
    const formality = formalityParameter(request.formality ?? formalityFor(settings.formality, request.to));
    return limit(() =>
      call(() =>
        client.translateText(texts, source as deepl.SourceLanguageCode, target as deepl.TargetLanguageCode, {
          ...taggedTextOptions,
          ...(formality === undefined ? {} : { formality }),
          ...(synced?.pairs.has(pairKey(source, target)) === true ? { glossary: synced.glossaryId } : {}),
        }),
      ),
    );
  }

  async function translateChunk(texts: string[], request: TranslateRequest): Promise<deepl.TextResult[]> {
    if (texts.length > 1 && encodedBytes(texts) > maxBodyBytes) {
      const half = Math.ceil(texts.length / 2);
      const [first, second] = await Promise.all([
        translateChunk(texts.slice(0, half), request),
        translateChunk(texts.slice(half), request),
      ]);
      return [...first, ...second];
    }
    return translateOnce(texts, request);
  }

  const limits: EngineLimits = { maxTexts: 50, maxBytes: 128 * 1024 };
  return {
    name: 'deepl',
    limits,
    handlesTags: true,
    async translate(texts, request): Promise<TranslateResult> {
      // DeepL refuses empty texts; blank units come back as they are.
      const sent = texts.flatMap((text, index) => (text.trim() === '' ? [] : [index]));
      if (sent.length === 0) return { texts: [...texts], billedChars: 0 };
      const what = `translating ${sent.length} texts from ${request.from} into ${request.to}`;
      try {
        const results = await translateChunk(
          sent.map((index) => texts[index] ?? ''),
          request,
        );
        const out = [...texts];
        sent.forEach((index, at) => (out[index] = keepEdges(texts[index] ?? '', results[at]?.text ?? '')));
        return {
          texts: out,
          billedChars: results.reduce((sum, result) => sum + (result.billedCharacters ?? 0), 0),
        };
      } catch (error) {
        throw toEngineError(error, what, settings.authKey, settings.requestTimeoutMs);
      }
    },
    async supports(from, to) {
      try {
        await Promise.all([languages.source(from), languages.target(to)]);
        return true;
      } catch (error) {
        if (error instanceof UsageError) return false;
        throw toEngineError(
          error,
          'listing the languages DeepL offers',
          settings.authKey,
          settings.requestTimeoutMs,
        );
      }
    },
    async getUsage() {
      try {
        const usage = await call(() => client.getUsage());
        return usage.character === undefined
          ? undefined
          : { characterCount: usage.character.count, characterLimit: usage.character.limit };
      } catch (error) {
        throw toEngineError(
          error,
          'reading the usage of this billing period',
          settings.authKey,
          settings.requestTimeoutMs,
        );
      }
    },
  };
}

/**
 * Characters DeepL would bill for these texts, for `translate --dry-run`: every character,
 * tags included (an upper bound; DeepL may not count markup). Blank texts are never sent.
 */
export function estimateBilledCharacters(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + (text.trim() === '' ? 0 : [...text].length), 0);
}

/** Bytes the texts take in a form body (`text=…&text=…`). */
function encodedBytes(texts: readonly string[]): number {
  return (
    parameterBytes +
    new URLSearchParams(texts.map((text): [string, string] => ['text', text])).toString().length
  );
}

/** DeepL may trim a text; the unit's own leading and trailing white space is part of the Markdown. */
function keepEdges(source: string, translated: string): string {
  const lead = /^\s*/.exec(source)?.[0] ?? '';
  const trail = /\s*$/.exec(source)?.[0] ?? '';
  return lead + translated.trim() + trail;
}

function formalityFor(
  table: Readonly<Record<string, DeeplFormality>>,
  to: string,
): DeeplFormality | undefined {
  const code = formatLanguageTag(to);
  return table[code] ?? table[primaryLanguage(code)];
}

/** `prefer_…` asks for the register where DeepL has one and is ignored where it has not. */
function formalityParameter(formality: DeeplFormality | undefined): deepl.Formality | undefined {
  if (formality === 'more') return 'prefer_more';
  if (formality === 'less') return 'prefer_less';
  return undefined;
}
