import { UsageError } from '../errors.js';

/** Where the OpenAI-compatible server is, how to sign in and which model, from the environment. */
export interface OpenaiEnv {
  /** `OPENAI_API_KEY`; may be absent for a local server (Ollama, llama.cpp) at `OPENAI_BASE_URL`. */
  readonly apiKey: string | undefined;
  /** `OPENAI_BASE_URL`, such as `http://localhost:11434/v1`; else the OpenAI API. */
  readonly baseUrl: string | undefined;
  /** `OPENAI_MODEL`, used when neither `--model` nor the configuration names one. */
  readonly model: string | undefined;
}

/** Reads `OPENAI_API_KEY`, `OPENAI_BASE_URL` and `OPENAI_MODEL`; checks the address. Never puts the key in a message. */
export function readOpenaiEnv(env: Readonly<Record<string, string | undefined>> = process.env): OpenaiEnv {
  const apiKey = env.OPENAI_API_KEY?.trim() || undefined;
  const baseUrl = env.OPENAI_BASE_URL?.trim() || undefined;
  const model = env.OPENAI_MODEL?.trim() || undefined;
  if (baseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(baseUrl)) {
    throw new UsageError(
      `OPENAI_BASE_URL is not an http(s) address: "${baseUrl}". Set it to the API's base URL, ` +
        'e.g. OPENAI_BASE_URL=http://localhost:11434/v1 for Ollama, or unset it for the OpenAI API.',
    );
  }
  return { apiKey, baseUrl, model };
}

/** Everything the OpenAI engine can be told; only `model` is required (and a key, for the OpenAI API itself). */
export interface OpenaiEngineOptions {
  readonly apiKey?: string | undefined;
  readonly baseUrl?: string | undefined;
  /** The model, such as `gpt-4o-mini` or `llama3.1:8b`; there is no default, so nothing bills silently. */
  readonly model: string | undefined;
  /** Most requests in flight at once (default: 4). */
  readonly concurrency?: number;
  /** Retries of a request answered 429, 5xx or cut off (default: 5). */
  readonly maxRetries?: number;
  /** Wait before the first retry, doubled for each next one, ±20 % jitter (default: 1000 ms). */
  readonly initialBackoffMs?: number;
  /** Longest wait between retries, `retry-after` included (default: 60 000 ms). */
  readonly maxBackoffMs?: number;
  /** Longest wait for one answer; a server silent that long is not asked again (default: 60 000 ms). */
  readonly timeoutMs?: number;
  /** Most segments in one request (default: 40). */
  readonly batchTexts?: number;
  /** Most estimated tokens of segments in one request, which keeps prompt and answer in a small context (default: 1000). */
  readonly batchTokens?: number;
  /** Sent as `seed`, with temperature 0, for answers that repeat where the server supports it (default: 1). */
  readonly seed?: number;
}

export type ResolvedOpenaiOptions = Required<Omit<OpenaiEngineOptions, 'apiKey' | 'baseUrl' | 'model'>> & {
  readonly apiKey: string;
  readonly baseUrl: string | undefined;
  readonly model: string;
};

/** What the OpenAI SDK wants as a key when a local server needs none. */
const noKey = 'no-key';

/** The defaults, stated once, and the checks: a model, and a key unless the server is not OpenAI's. */
export function resolveOpenaiOptions(options: OpenaiEngineOptions): ResolvedOpenaiOptions {
  const model = options.model?.trim() ?? '';
  if (model === '') {
    throw new UsageError(
      '--engine openai needs a model: pass --model (e.g. --model gpt-4o-mini, or --model llama3.1:8b for Ollama), ' +
        'set `model:` in readme-i18n.config.yaml, or set OPENAI_MODEL. There is no default, so nothing is billed by surprise.',
    );
  }
  if (/\s/.test(model)) {
    throw new UsageError(
      `the model name "${model}" has white space in it; write it as the server lists it, e.g. --model llama3.1:8b`,
    );
  }
  const apiKey = options.apiKey?.trim() || undefined;
  if (apiKey === undefined && options.baseUrl === undefined) {
    throw new UsageError(
      '--engine openai needs OPENAI_API_KEY for the OpenAI API, or OPENAI_BASE_URL for another compatible server ' +
        '(e.g. OPENAI_BASE_URL=http://localhost:11434/v1 for Ollama, which needs no key).',
    );
  }
  const resolved = {
    apiKey: apiKey ?? noKey,
    baseUrl: options.baseUrl,
    model,
    concurrency: options.concurrency ?? 4,
    maxRetries: options.maxRetries ?? 5,
    initialBackoffMs: options.initialBackoffMs ?? 1000,
    maxBackoffMs: options.maxBackoffMs ?? 60_000,
    timeoutMs: options.timeoutMs ?? 60_000,
    batchTexts: options.batchTexts ?? 40,
    batchTokens: options.batchTokens ?? 1000,
    seed: options.seed ?? 1,
  };
  for (const name of [
    'concurrency',
    'maxRetries',
    'initialBackoffMs',
    'maxBackoffMs',
    'timeoutMs',
    'batchTexts',
    'batchTokens',
    'seed',
  ] as const) {
    const value = resolved[name];
    const least = ['concurrency', 'timeoutMs', 'batchTexts', 'batchTokens'].includes(name) ? 1 : 0;
    if (!Number.isInteger(value) || value < least) {
      throw new UsageError(
        `OpenAI option ${name} must be an integer of at least ${least}, got ${value} (e.g. ${name}: 4).`,
      );
    }
  }
  return resolved;
}
