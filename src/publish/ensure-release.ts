import { findRelease, type Release } from './find-release.js';
import type { GitHubClient } from './github-client.js';
import { PublishError } from './publish-error.js';
import { isAlreadyExists, requestStatus } from './request-status.js';

export type ReleaseAction = 'created' | 'updated' | 'unchanged';

export interface EnsureReleaseOptions {
  readonly tag: string;
  readonly draft: boolean;
  /** Makes the notes from the release's current ones ('' for a new release). */
  readonly notes: (previous: string) => string;
  readonly dryRun: boolean;
}

/**
 * Finds the release for the tag (drafts included) and creates it if absent, or rewrites its notes
 * when they changed. A dry run only looks.
 */
export async function ensureRelease(
  client: GitHubClient,
  target: { owner: string; repo: string },
  options: EnsureReleaseOptions,
): Promise<{ release: Release | undefined; action: ReleaseAction }> {
  const existing = await findRelease(client, target, options.tag);
  if (existing === undefined) {
    if (options.dryRun) return { release: undefined, action: 'created' };
    return { release: await create(client, target, options), action: 'created' };
  }
  const body = options.notes(existing.body ?? '');
  if (body === (existing.body ?? '')) return { release: existing, action: 'unchanged' };
  if (options.dryRun) return { release: existing, action: 'updated' };
  const updated = await client.rest.repos.updateRelease({ ...target, release_id: existing.id, body });
  return { release: updated.data, action: 'updated' };
}

async function create(
  client: GitHubClient,
  target: { owner: string; repo: string },
  options: EnsureReleaseOptions,
): Promise<Release> {
  try {
    const created = await client.rest.repos.createRelease({
      ...target,
      tag_name: options.tag,
      name: options.tag,
      draft: options.draft,
      body: options.notes(''),
    });
    return created.data;
  } catch (error) {
    if (isAlreadyExists(error)) {
      // Another run created it between our look and our create: use theirs.
      const raced = await findRelease(client, target, options.tag);
      if (raced !== undefined) return raced;
    }
    const status = requestStatus(error);
    throw new PublishError(
      `could not create the release ${options.tag} in ${target.owner}/${target.repo}` +
        (status === undefined ? '' : ` (GitHub answered ${status})`) +
        ': check that the token may write contents (`permissions: contents: write`)',
      { status, cause: error },
    );
  }
}
