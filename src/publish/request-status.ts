/** The HTTP status of an Octokit request error, or undefined for anything else. */
export function requestStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const status = (error as { status: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** Whether GitHub refused a create because the thing exists (422 with code `already_exists`). */
export function isAlreadyExists(error: unknown): boolean {
  if (requestStatus(error) !== 422) return false;
  const response = (error as { response?: { data?: { errors?: Array<{ code?: string }> } } }).response;
  return (response?.data?.errors ?? []).some((entry) => entry.code === 'already_exists');
}

/**
 * Why a request got no answer at all (a connection refused or reset, a name not found, a time
 * limit reached), or undefined when GitHub did answer. Octokit reports these as status 500 with
 * no response; they are not GitHub's 500.
 */
export function noAnswerReason(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ((error as { name?: string }).name === 'GitHubTimeoutError') return (error as Error).message;
  if (requestStatus(error) === undefined || (error as { response?: unknown }).response !== undefined) {
    return undefined;
  }
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.name === 'GitHubTimeoutError') return cause.message;
  const deeper = cause instanceof Error ? (cause as { cause?: unknown }).cause : undefined;
  const code = (deeper as { code?: string } | undefined)?.code;
  const message = deeper instanceof Error ? deeper.message : (error as Error).message;
  return `the connection to GitHub failed (${code ?? message})`;
}
