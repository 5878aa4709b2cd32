import deepl from 'deepl-node';
import { EngineError, QuotaExceededError, ReadmeI18nError } from '../errors.js';

/**
 * Turns what deepl-node throws into our errors. The deepl-node error is never kept as `cause`:
 * its connection errors carry the HTTP request, `Authorization` header and key included.
 */
export function toEngineError(error: unknown, what: string, authKey: string): ReadmeI18nError {
  if (error instanceof ReadmeI18nError) return error;
  const detail = redact(error instanceof Error ? error.message : String(error), authKey);
  if (error instanceof deepl.QuotaExceededError) {
    return new QuotaExceededError(
      `DeepL quota exhausted while ${what} (HTTP 456). Wait for the next billing period, raise the limit in ` +
        'your DeepL account, or translate the rest with --engine apertium; everything translated so far is kept.',
    );
  }
  if (error instanceof deepl.AuthorizationError) {
    return new EngineError(
      `DeepL refused the key while ${what} (HTTP 403). Check DEEPL_AUTH_KEY; a free-plan key ends in ":fx" ` +
        'and is sent to api-free.deepl.com unless DEEPL_SERVER_URL says otherwise.',
    );
  }
  const retryable = isRetryable(error);
  return new EngineError(
    `DeepL failed while ${what}: ${detail}${retryable ? ' (gave up after retrying; try again later)' : ''}`,
    { retryable },
  );
}

/** 429, 5xx and connections cut off are worth another try; the rest are not. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof deepl.TooManyRequestsError) return true;
  if (error instanceof deepl.ConnectionError) return error.shouldRetry;
  // deepl-node 1.x reports 5xx as a plain DeepLError; its message is the only place the status shows.
  if (error instanceof deepl.DeepLError)
    return /^(Service unavailable|Unexpected status code: 5\d\d)/.test(error.message);
  return false;
}

/** Removes the key from a text, wherever a server or library may have echoed it. */
export function redact(text: string, authKey: string): string {
  return authKey === '' ? text : text.split(authKey).join('[DEEPL_AUTH_KEY]');
}
