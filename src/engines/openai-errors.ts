import OpenAI from 'openai';
import { EngineError, ReadmeI18nError } from '../errors.js';
import { parseRetryAfter } from './retry.js';

/** The server did not answer within the time allowed: not asked again (a silent server stays silent). */
export class OpenaiTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${Math.round(timeoutMs / 1000)} s`);
  }
}

/**
 * 429, 5xx, 408 and a connection cut off (before or in the middle of the answer's body) are worth
 * another try; a timeout, a refused connection and other 4xx are not.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof OpenaiTimeoutError || error instanceof OpenAI.APIConnectionTimeoutError) return false;
  if (error instanceof OpenAI.APIConnectionError) return !isRefused(error);
  if (error instanceof OpenAI.APIError) {
    const status = error.status ?? 0;
    return status === 408 || status === 429 || status >= 500;
  }
  // The body cut mid-way: undici's "terminated", or JSON that ends early.
  return (
    error instanceof SyntaxError ||
    (error instanceof TypeError && /terminated|other side closed/i.test(error.message))
  );
}

/** What a 429 or 503 asks for in `retry-after` / `retry-after-ms`. */
export function retryAfterMs(error: unknown): number | undefined {
  return error instanceof OpenAI.APIError ? parseRetryAfter(error.headers) : undefined;
}

/** Nobody listens at the address, or the name does not resolve: retrying will not help. */
function isRefused(error: unknown): boolean {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND') return true;
  }
  return false;
}

/** A prompt longer than the model's context: the batch is split. Servers say it in their own words. */
export function isContextLengthError(error: unknown): boolean {
  if (!(error instanceof OpenAI.APIError) || (error.status !== 400 && error.status !== 413)) return false;
  if (error.code === 'context_length_exceeded') return true;
  return /context length|context window|context size|maximum context|too many tokens|prompt is too long|exceeds the (available )?context/i.test(
    error.message,
  );
}

/** A 400 that names a request parameter the server does not take (`response_format`, `seed`, `temperature`). */
export function unsupportedParameter(error: unknown): string | undefined {
  if (!(error instanceof OpenAI.APIError) || (error.status !== 400 && error.status !== 422)) return undefined;
  const text = `${error.param ?? ''} ${error.message}`;
  for (const name of ['json_schema', 'response_format', 'seed', 'temperature']) {
    if (text.includes(name)) return name === 'json_schema' ? 'response_format' : name;
  }
  return undefined;
}

/**
 * Turns what the SDK throws into our errors, naming the server and what to do. The SDK error is
 * never kept as `cause` (it carries the request), and the key is taken out of every message.
 */
export function toEngineError(error: unknown, what: string, server: string, apiKey: string): ReadmeI18nError {
  if (error instanceof ReadmeI18nError) return error;
  const name = `the OpenAI-compatible server at ${server}`;
  const say = (message: string, retryable = false) => new EngineError(redact(message, apiKey), { retryable });
  if (error instanceof OpenaiTimeoutError) {
    return say(
      `${name} did not answer within ${Math.round(error.timeoutMs / 1000)} s while ${what}. Check that it is running ` +
        '(readme-i18n doctor), or allow a slow model longer with --timeout <seconds> (or `timeout:` in the configuration).',
      true,
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof OpenAI.APIConnectionError) {
    return say(
      `could not reach ${name} while ${what}: ${detail}${isRefused(error) ? ' (connection refused)' : ''}. ` +
        'Check OPENAI_BASE_URL and that the server is running.',
      !isRefused(error),
    );
  }
  if (error instanceof OpenAI.APIError) {
    if (error.status === 401 || error.status === 403) {
      return say(`${name} refused the key while ${what} (HTTP ${error.status}). Check OPENAI_API_KEY.`);
    }
    if (error.status === 404) {
      return say(
        `${name} answered 404 while ${what}: ${detail}. Check the model name (readme-i18n doctor lists what the server offers) ` +
          'and OPENAI_BASE_URL (it usually ends in /v1).',
      );
    }
    const retryable = isRetryable(error);
    return say(
      `${name} failed while ${what}: ${detail}${retryable ? ' (gave up after retrying; try again later)' : ''}`,
      retryable,
    );
  }
  return say(
    `${name} failed while ${what}: ${detail}${isRetryable(error) ? ' (the answer was cut off; gave up after retrying)' : ''}`,
  );
}

/** Removes the key from a text, wherever a server or library may have echoed it. */
export function redact(text: string, apiKey: string): string {
  return apiKey === '' || apiKey === 'no-key' ? text : text.split(apiKey).join('[OPENAI_API_KEY]');
}
