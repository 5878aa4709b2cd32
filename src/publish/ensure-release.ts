import { findRelease, type Release } from './find-release.js';
import type { GitHubClient } from './github-client.js';
import { PublishError } from './publish-error.js';
import { isAlreadyExists, requestStatus } from './request-status.js';

export type ReleaseAction = 'created' | 'updated' | 'unchanged';

export interface EnsureReleaseOptions {
  readonly tag: string;
  /** Makes the notes from the release's current ones ('' for a new release). */
  readonly notes: (previous: string) => string;
  /** A new release is marked a pre-release (default: false). */
  readonly prerelease?: boolean | undefined;
  /** What a new tag points at (default: GitHub's, the default branch). */
  readonly targetCommitish?: string | undefined;
  readonly dryRun: boolean;
}

/** Whether GitHub locks this release's assets and tag: a published release of a repository with immutable releases on. */
export function isImmutable(release: Release): boolean {
  return !release.draft && (release as { immutable?: boolean }).immutable === true;
}

/**
 * Finds the release for the tag (drafts included) and creates it as a draft if absent, or rewrites
 * its notes when they changed (an immutable release still takes new notes). A new release stays a
 * draft until its assets are attached (see `finishRelease`): a repository with immutable releases
 * locks a release's assets when it is published. A dry run only looks.
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

/**
 * Publishes a draft once its assets are attached: the one created in this run unless `draft` is
 * true, an earlier draft only when `draft` is false (when unset, a draft someone made stays one).
 * `makeLatest` is given to GitHub then. A published release is left as it is.
 */
export async function finishRelease(
  client: GitHubClient,
  target: { owner: string; repo: string },
  release: Release,
  options: {
    draft: boolean | undefined;
    createdNow: boolean;
    makeLatest?: 'true' | 'false' | 'legacy' | undefined;
  },
): Promise<Release> {
  const publish = options.draft === false || (options.createdNow && options.draft !== true);
  if (!release.draft || !publish) return release;
  const published = await client.rest.repos.updateRelease({
    ...target,
    release_id: release.id,
    draft: false,
    ...(options.makeLatest === undefined ? {} : { make_latest: options.makeLatest }),
  });
  return published.data;
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
      draft: true,
      prerelease: options.prerelease ?? false,
      ...(options.targetCommitish === undefined ? {} : { target_commitish: options.targetCommitish }),
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
    if (status === undefined || status >= 500) throw error;
    throw new PublishError(
      `could not create the release ${options.tag} in ${target.owner}/${target.repo} (GitHub answered ${status}` +
        `${apiMessage(error)}): check that the token may write contents (\`permissions: contents: write\`)` +
        (status === 422
          ? ' and that the tag name is free (an immutable release burns its tag even once deleted)'
          : ''),
      { status, cause: error },
    );
  }
}

function apiMessage(error: unknown): string {
  const message = (error as { response?: { data?: { message?: unknown } } }).response?.data?.message;
  return typeof message === 'string' && message !== '' ? `: ${message}` : '';
}
