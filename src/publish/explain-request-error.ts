import { PublishError } from './publish-error.js';
import { requestStatus } from './request-status.js';

const hints: Record<number, string> = {
  401: 'the token is invalid or expired; pass a current one in GITHUB_TOKEN',
  403: 'the token may not do this; give the job `permissions: contents: write` (or a token that may)',
  404: 'the repository or release is not there, or the token cannot see it; check GITHUB_REPOSITORY and the token',
};

/**
 * Turns an Octokit request error into a PublishError that names the request and the fix; other
 * errors pass through. The request's headers (and so the token) are never quoted.
 */
export function explainRequestError(error: unknown, repository: string): unknown {
  if (error instanceof PublishError) return error;
  const status = requestStatus(error);
  if (status === undefined) return error;
  const request = (error as { request?: { method?: string; url?: string } }).request;
  const where =
    request?.method && request.url ? `${request.method} ${new URL(request.url).pathname}` : 'a request';
  const hint = hints[status] ?? 'GitHub may be having trouble; run again later';
  return new PublishError(`GitHub answered ${status} to ${where} for ${repository}: ${hint}`, {
    status,
    cause: error,
  });
}
