import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  readonly maxRetries: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

/**
 * Runs `attempt`, retrying what `isRetryable` accepts up to `maxRetries` times with exponential
 * backoff and ±20 % jitter (so that concurrent requests do not come back in step). A server that
 * says when to come back (`retryAfterMs`, from its `retry-after` header) is waited for instead,
 * up to `maxBackoffMs`.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  isRetryable: (error: unknown) => boolean,
  retryAfterMs: (error: unknown) => number | undefined = () => undefined,
): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (retry >= policy.maxRetries || !isRetryable(error)) throw error;
      const asked = retryAfterMs(error);
      await sleep(
        asked === undefined ? backoffDelay(retry, policy) : Math.min(Math.max(0, asked), policy.maxBackoffMs),
      );
    }
  }
}

/** Wait before retry number `retry` (0-based). */
export function backoffDelay(retry: number, policy: RetryPolicy): number {
  const base = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** retry);
  return Math.round(base * (0.8 + 0.4 * Math.random()));
}

/**
 * Milliseconds a `retry-after` (seconds or an HTTP date) or `retry-after-ms` header asks for, or
 * undefined when there is none or it cannot be read.
 */
export function parseRetryAfter(
  headers: { get(name: string): string | null } | undefined,
): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return ms;
  const value = headers?.get('retry-after')?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - Date.now();
}

/** Runs at most `limit` tasks at once; the rest wait in arrival order. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    // A finishing task hands its slot straight to the next waiter, so no newcomer can slip in.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next === undefined) running -= 1;
      else next();
    }
  };
}
