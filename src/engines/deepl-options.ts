import { UsageError } from '../errors.js';
import type { DeeplGlossarySpec } from './deepl-glossary.js';

/** Where DeepL is and how to sign in, from the environment. */
export interface DeeplEnv {
  readonly authKey: string;
  /** `DEEPL_SERVER_URL`, for self-hosted proxies and tests; else deepl-node picks by key (`:fx` = free API). */
  readonly serverUrl: string | undefined;
}

/**
 * Reads `DEEPL_AUTH_KEY` and `DEEPL_SERVER_URL`. Undefined when no key is set, which is how the
 * engine selection knows to fall back to Apertium. Never puts the key in a message.
 */
export function readDeeplEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): DeeplEnv | undefined {
  const authKey = env.DEEPL_AUTH_KEY?.trim() ?? '';
  if (authKey === '') return undefined;
  const serverUrl = env.DEEPL_SERVER_URL?.trim() || undefined;
  if (serverUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(serverUrl)) {
    throw new UsageError(
      `DEEPL_SERVER_URL is not an http(s) address: "${serverUrl}". Set it to the base URL of the API, ` +
        'e.g. DEEPL_SERVER_URL=https://api.deepl.com, or unset it to let the key choose.',
    );
  }
  return { authKey, serverUrl };
}

export type DeeplFormality = 'default' | 'more' | 'less';

/** Everything the DeepL engine can be told; only `authKey` is required. */
export interface DeeplEngineOptions {
  readonly authKey: string;
  readonly serverUrl?: string;
  /** Most requests in flight at once (default: 4). */
  readonly concurrency?: number;
  /** Retries of a request answered 429, 5xx or cut off (default: 5). */
  readonly maxRetries?: number;
  /** Wait before the first retry, doubled for each next one, ±20 % jitter (default: 1000 ms). */
  readonly initialBackoffMs?: number;
  /** Longest wait between retries (default: 30 000 ms). */
  readonly maxBackoffMs?: number;
  /** Time allowed for one HTTP request (default: 60 000 ms). */
  readonly requestTimeoutMs?: number;
  /** Formality per target language code (`de`, `pt-BR`), used when a request does not set one (default: none). */
  readonly formality?: Readonly<Record<string, DeeplFormality>>;
  /** The project's glossary, kept as one multilingual glossary on the account (default: none). */
  readonly glossary?: DeeplGlossarySpec;
}

export type ResolvedDeeplOptions = Required<Omit<DeeplEngineOptions, 'serverUrl' | 'glossary'>> &
  Pick<DeeplEngineOptions, 'serverUrl' | 'glossary'>;

/** The defaults, stated once. */
export function resolveDeeplOptions(options: DeeplEngineOptions): ResolvedDeeplOptions {
  const resolved = {
    authKey: options.authKey,
    serverUrl: options.serverUrl,
    concurrency: options.concurrency ?? 4,
    maxRetries: options.maxRetries ?? 5,
    initialBackoffMs: options.initialBackoffMs ?? 1000,
    maxBackoffMs: options.maxBackoffMs ?? 30_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
    formality: options.formality ?? {},
    glossary: options.glossary,
  };
  if (resolved.authKey.trim() === '') {
    throw new UsageError(
      'The DeepL engine needs a key: set DEEPL_AUTH_KEY, or pick another engine with --engine apertium.',
    );
  }
  for (const name of [
    'concurrency',
    'maxRetries',
    'initialBackoffMs',
    'maxBackoffMs',
    'requestTimeoutMs',
  ] as const) {
    const value = resolved[name];
    const least = name === 'concurrency' || name === 'requestTimeoutMs' ? 1 : 0;
    if (!Number.isInteger(value) || value < least) {
      throw new UsageError(
        `DeepL option ${name} must be an integer of at least ${least}, got ${value} (e.g. ${name}: 4).`,
      );
    }
  }
  return resolved;
}
