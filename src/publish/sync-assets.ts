import { listAssets, type Release } from './find-release.js';
import type { GitHubClient } from './github-client.js';
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
 * are kept. A dry run (release undefined or `dryRun`) only compares.
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
  const assets = await listAssets(client, target, release.id);
  for (const asset of assets.filter((candidate) => candidate.state !== 'uploaded')) {
    changes.removedIncomplete.push(asset.name);
    if (!dryRun) await client.rest.repos.deleteReleaseAsset({ ...target, asset_id: asset.id });
  }
  const uploaded = new Map(
    assets.filter((asset) => asset.state === 'uploaded').map((asset) => [asset.name, asset] as const),
  );
  for (const file of files) {
    const existing = uploaded.get(file.name);
    if (existing !== undefined && (await sameContent(client, target, existing, file.bytes))) {
      changes.unchanged.push(file.name);
      continue;
    }
    (existing === undefined ? changes.uploaded : changes.replaced).push(file.name);
    if (dryRun) continue;
    if (existing !== undefined)
      await client.rest.repos.deleteReleaseAsset({ ...target, asset_id: existing.id });
    await uploadAsset(client, target, release, file.name, file.bytes);
  }
  return changes;
}
