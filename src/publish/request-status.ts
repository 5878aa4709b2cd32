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
