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
