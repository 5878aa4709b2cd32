import { PublishError } from './publish-error.js';
import { shown } from '../shown-value.js';
import { noAnswerReason, requestStatus } from './request-status.js';

const hints: Record<number, string> = {
  401: 'the token is invalid or expired; pass a current one in GITHUB_TOKEN',
  403: 'the token may not do this; give the job `permissions: contents: write` (or a token that may)',
  404: 'the repository or release is not there, or the token cannot see it; check GITHUB_REPOSITORY and the token',
};

/**
 * Turns an Octokit request error into a PublishError that names the request and the fix; other
 * errors pass through. A request that got no answer (refused, reset, timed out) is said to be so,
 * not "GitHub answered 500". The request's headers (and so the token) are never quoted.
 */
export function explainRequestError(error: unknown, repository: string): unknown {
  if (error instanceof PublishError) return error;
  const status = requestStatus(error);
  if (status === undefined && (error as { name?: string })?.name !== 'GitHubTimeoutError') return error;
  const request = (error as { request?: { method?: string; url?: string } }).request;
  const url = parseUrl(request?.url);
  const where = request?.method && url ? `${request.method} ${url.pathname}` : 'a request';
  const noAnswer = noAnswerReason(error);
  if (noAnswer !== undefined) {
    return new PublishError(
      `${shown(noAnswer)}${url ? ` at ${shown(url.host)}` : ''} (${where} for ${repository}), after retries: check the runner's network and ` +
        'https://www.githubstatus.com, then run again; nothing half-done is left that the next run does not clean up',
      { cause: error },
    );
  }
  const hint = hints[status as number] ?? 'GitHub may be having trouble; run again later';
  return new PublishError(`GitHub answered ${status} to ${where} for ${repository}: ${hint}`, {
    status,
    cause: error,
  });
}

function parseUrl(url: string | undefined): URL | undefined {
  try {
    return url === undefined ? undefined : new URL(url);
  } catch {
    return undefined;
  }
}
