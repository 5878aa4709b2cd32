import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

// Typed as plain Octokit: the plugins add behaviour, not methods we call.
const ClientWithPlugins: typeof Octokit = Octokit.plugin(retry, throttling);
export type GitHubClient = Octokit;

export interface GitHubClientOptions {
  readonly token: string;
  readonly apiUrl: string;
  /** Retries of a 5xx or dropped request (default: 3). */
  readonly retries?: number;
  /** Milliseconds that retry delays are multiples of (default: 1000, GitHub's advice). */
  readonly retryAfterBaseMs?: number;
  /** Overrides of the throttling plugin's settings, such as its request groups (default: none). */
  readonly throttle?: Partial<ThrottlingOptions>;
  /** Where Octokit's warnings go (default: standard error). */
  readonly warn?: (message: string) => void;
  /**
   * Longest wait for one answer, in ms (default: 60 000); a request with a body gets a further
   * second per 256 KB of it, so a large upload is not cut short on a slow link.
   */
  readonly timeoutMs?: number;
}

/** A request GitHub did not answer in time: what was asked and how long was waited. */
export class GitHubTimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`GitHub did not answer ${what} within ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`}`);
    this.name = 'GitHubTimeoutError';
  }
}

/** `fetch` with a time limit on each request, ended with a GitHubTimeoutError. */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return async (input, init = {}) => {
    const body = init.body;
    const size = body instanceof Uint8Array ? body.byteLength : typeof body === 'string' ? body.length : 0;
    const ms = timeoutMs + Math.floor(size / (256 * 1024)) * 1000;
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), ms);
    const signal = init.signal ? AbortSignal.any([init.signal, timer.signal]) : timer.signal;
    try {
      return await fetch(input, { ...init, signal });
    } catch (error) {
      if (!timer.signal.aborted) throw error;
      const url = input instanceof Request ? input.url : String(input);
      throw new GitHubTimeoutError(`${init.method ?? 'GET'} ${new URL(url).pathname}`, ms);
    } finally {
      clearTimeout(timeout);
    }
  };
}

/**
 * An Octokit client with the retry and throttling plugins: 5xx answers and dropped connections are
 * retried with backoff; rate limits wait and retry twice, then fail.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const warn = options.warn ?? ((message: string) => process.stderr.write(`${message}\n`));
  const retryAfterBaseMs = options.retryAfterBaseMs ?? 1000;
  return new ClientWithPlugins({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: 'readme-i18n',
    request: { fetch: fetchWithTimeout(options.timeoutMs ?? 60_000) },
    retry: { retries: options.retries ?? 3, retryAfterBaseValue: retryAfterBaseMs },
    throttle: {
      retryAfterBaseValue: retryAfterBaseMs,
      onRateLimit: (
        retryAfter: number,
        request: { method: string; url: string },
        _octokit: unknown,
        count: number,
      ) => {
        warn(`GitHub rate limit on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
        return count < 2;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        request: { method: string; url: string },
        _octokit: unknown,
        count: number,
      ) => {
        warn(`GitHub secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
        return count < 2;
      },
      ...options.throttle,
    },
    // Octokit logs request failures that we report ourselves, with more context.
    log: { debug: () => undefined, info: () => undefined, warn, error: () => undefined },
  });
}
