import deepl from 'deepl-node';
import { EngineError, QuotaExceededError, ReadmeI18nError } from '../errors.js';

/**
 * Turns what deepl-node throws into our errors. The deepl-node error is never kept as `cause`:
 * its connection errors carry the HTTP request, `Authorization` header and key included.
 */
export function toEngineError(
  error: unknown,
  what: string,
  authKey: string,
  timeoutMs?: number,
): ReadmeI18nError {
  if (error instanceof ReadmeI18nError) return error;
  if (isTimeout(error)) {
    const within = timeoutMs === undefined ? 'in time' : `within ${Math.round(timeoutMs / 1000)} s`;
    return new EngineError(
      `DeepL did not answer ${within} while ${what}. Check the network and DEEPL_SERVER_URL (readme-i18n doctor), ` +
        'or allow longer with --timeout <seconds> (or `timeout:` in the configuration).',
      { retryable: true },
    );
  }
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

/**
 * 429, 5xx and connections cut off (before or in the middle of the answer) are worth another try;
 * a timeout is not: a server silent for the whole timeout is reported at once, not waited for again.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof deepl.TooManyRequestsError) return true;
  if (isTimeout(error)) return false;
  if (error instanceof deepl.ConnectionError) return error.shouldRetry || isCutOff(error);
  // deepl-node 1.x reports 5xx as a plain DeepLError; its message is the only place the status shows.
  if (error instanceof deepl.DeepLError)
    return /^(Service unavailable|Unexpected status code: 5\d\d)/.test(error.message);
  return false;
}

/** An answer whose body stopped half-way (axios: "stream has been aborted"), which deepl-node does not retry. */
function isCutOff(error: InstanceType<typeof deepl.ConnectionError>): boolean {
  return /stream has been aborted|socket hang up|aborted/i.test(error.message);
}

/** deepl-node's connection error for a request that got no (complete) answer within the timeout. */
function isTimeout(error: unknown): boolean {
  if (!(error instanceof deepl.ConnectionError)) return false;
  const cause = (error as { error?: { code?: unknown; message?: unknown } }).error;
  return (
    cause?.code === 'ETIMEDOUT' ||
    (cause?.code === 'ECONNABORTED' && /timeout/i.test(String(cause.message))) ||
    /timeout of \d+ms exceeded/.test(error.message)
  );
}

/** Removes the key from a text, wherever a server or library may have echoed it. */
export function redact(text: string, authKey: string): string {
  return authKey === '' ? text : text.split(authKey).join('[DEEPL_AUTH_KEY]');
}
