import type { GitHubClient } from './github-client.js';

export type Release = Awaited<ReturnType<GitHubClient['rest']['repos']['getRelease']>>['data'];
export type ReleaseAsset = Release['assets'][number];

/**
 * The release for `tag`, drafts included, or undefined. The by-tag endpoint hides drafts, so the
 * list is searched instead.
 */
export async function findRelease(
  client: GitHubClient,
  target: { owner: string; repo: string },
  tag: string,
): Promise<Release | undefined> {
  for await (const page of client.paginate.iterator(client.rest.repos.listReleases, {
    owner: target.owner,
    repo: target.repo,
    per_page: 100,
  })) {
    const found = page.data.find((release) => release.tag_name === tag);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Every asset of a release, across pages. */
export async function listAssets(
  client: GitHubClient,
  target: { owner: string; repo: string },
  releaseId: number,
): Promise<ReleaseAsset[]> {
  return client.paginate(client.rest.repos.listReleaseAssets, {
    owner: target.owner,
    repo: target.repo,
    release_id: releaseId,
    per_page: 100,
  });
}
