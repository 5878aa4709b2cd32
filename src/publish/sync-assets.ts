import { isImmutable } from './ensure-release.js';
import { listAssets, type Release } from './find-release.js';
import type { GitHubClient } from './github-client.js';
import { PublishError } from './publish-error.js';
import { sameContent } from './same-content.js';
import { uploadAsset } from './upload-asset.js';

/** A file to attach: the asset's name and its bytes. */
export interface AssetFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What happened (or, in a dry run, would happen) to the release's assets. */
export interface AssetChanges {
  /** Names uploaded where no asset of the name was. */
  readonly uploaded: string[];
  /** Names whose asset held other bytes and was replaced. */
  readonly replaced: string[];
  /** Names whose asset already held the same bytes. */
  readonly unchanged: string[];
  /** Names of half-uploaded assets (state other than "uploaded") deleted first. */
  readonly removedIncomplete: string[];
}

/**
 * Makes the release's assets match `files`: leftovers of interrupted uploads are deleted, the same
 * bytes are left alone, other bytes are replaced, new names uploaded. Assets not named in `files`
 * are kept. A dry run (release undefined or `dryRun`) only compares. On an immutable release
 * nothing can change: same bytes pass, anything else is an error that says what to do.
 */
export async function syncAssets(
  client: GitHubClient,
  target: { owner: string; repo: string },
  release: Release | undefined,
  files: readonly AssetFile[],
  dryRun: boolean,
): Promise<AssetChanges> {
  const changes: AssetChanges = { uploaded: [], replaced: [], unchanged: [], removedIncomplete: [] };
  if (release === undefined) {
    changes.uploaded.push(...files.map((file) => file.name));
    return changes;
  }
  const locked = isImmutable(release);
  const assets = await listAssets(client, target, release.id);
  const uploaded = new Map(
    assets.filter((asset) => asset.state === 'uploaded').map((asset) => [asset.name, asset] as const),
  );
  const differing: AssetFile[] = [];
  for (const file of files) {
    const existing = uploaded.get(file.name);
    if (existing !== undefined && (await sameContent(client, target, existing, file.bytes))) {
      changes.unchanged.push(file.name);
    } else {
      differing.push(file);
      (existing === undefined ? changes.uploaded : changes.replaced).push(file.name);
    }
  }
  if (locked && differing.length > 0) throw immutableRelease(release.tag_name, changes);
  for (const asset of assets.filter((candidate) => candidate.state !== 'uploaded')) {
    changes.removedIncomplete.push(asset.name);
    if (!dryRun && !locked) await client.rest.repos.deleteReleaseAsset({ ...target, asset_id: asset.id });
  }
  if (dryRun) return changes;
  for (const file of differing) {
    const existing = uploaded.get(file.name);
    if (existing !== undefined)
      await client.rest.repos.deleteReleaseAsset({ ...target, asset_id: existing.id });
    await uploadAsset(client, target, release, file.name, file.bytes);
  }
  return changes;
}

function immutableRelease(tag: string, changes: AssetChanges): PublishError {
  const names = [
    ...changes.replaced.map((name) => `${name} (changed)`),
    ...changes.uploaded.map((name) => `${name} (new)`),
  ];
  return new PublishError(
    `the release ${tag} is immutable (published in a repository with immutable releases on), so its assets ` +
      `cannot change: ${names.join(', ')}. Attach the new PDFs to a new release: set 'release-tag' ` +
      '(or --tag) to a tag not used yet, e.g. one per version or `docs-<date>`; the release of a tag stays as it was published',
  );
}
