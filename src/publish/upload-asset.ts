import { PublishError } from './publish-error.js';
import type { GitHubClient } from './github-client.js';
import { listAssets, type Release } from './find-release.js';
import { isAlreadyExists, noAnswerReason, requestStatus } from './request-status.js';

type Target = { owner: string; repo: string };

/**
 * Uploads `bytes` as asset `name`. GitHub answers 422 `already_exists` when an asset of that name
 * is there (left by an interrupted attempt or a concurrent run): that asset is deleted and the
 * upload tried once more.
 */
export async function uploadAsset(
  client: GitHubClient,
  target: Target,
  release: Release,
  name: string,
  bytes: Uint8Array,
): Promise<void> {
  try {
    await upload(client, target, release, name, bytes);
  } catch (error) {
    if (!isAlreadyExists(error)) throw uploadFailed(name, release.tag_name, error);
    const leftover = (await listAssets(client, target, release.id)).find((asset) => asset.name === name);
    if (leftover !== undefined) {
      await client.rest.repos.deleteReleaseAsset({ ...target, asset_id: leftover.id });
    }
    try {
      await upload(client, target, release, name, bytes);
    } catch (second) {
      throw uploadFailed(name, release.tag_name, second);
    }
  }
}

async function upload(
  client: GitHubClient,
  target: Target,
  release: Release,
  name: string,
  bytes: Uint8Array,
) {
  await client.rest.repos.uploadReleaseAsset({
    ...target,
    release_id: release.id,
    name,
    // The upload host comes from the release itself, as GitHub Enterprise Server needs.
    url: release.upload_url,
    data: bytes as unknown as string,
    headers: { 'content-type': contentType(name), 'content-length': bytes.byteLength },
  });
}

function contentType(name: string): string {
  return name.toLowerCase().endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream';
}

function uploadFailed(name: string, tag: string, cause: unknown): PublishError {
  const status = requestStatus(cause);
  const noAnswer = noAnswerReason(cause);
  if (noAnswer !== undefined) {
    return new PublishError(
      `could not upload ${name} to the release ${tag}: ${noAnswer}, after retries. ` +
        "Check the runner's network and https://www.githubstatus.com, then run again; " +
        'a half-uploaded asset is cleaned up by the next run',
      { cause },
    );
  }
  const message = (cause as { response?: { data?: { message?: unknown } } }).response?.data?.message;
  if (status === 422 && typeof message === 'string' && /immutable/i.test(message)) {
    return new PublishError(
      `could not upload ${name}: the release ${tag} is immutable (${message}). ` +
        "Attach the PDFs to a new release: set 'release-tag' to a tag not used yet",
      { status, cause },
    );
  }
  return new PublishError(
    `could not upload ${name} to the release ${tag}` +
      (status === undefined ? '' : ` (GitHub answered ${status})`) +
      ': check that the token may write contents (`permissions: contents: write`) and run again; ' +
      'a half-uploaded asset is cleaned up by the next run',
    { status, cause },
  );
}
