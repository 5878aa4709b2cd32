import { createHash } from 'node:crypto';
import type { GitHubClient } from './github-client.js';
import type { ReleaseAsset } from './find-release.js';

/**
 * Whether an uploaded asset holds exactly `bytes`: by size first, then by its `sha256:` digest
 * when GitHub gives one, else by downloading it.
 */
export async function sameContent(
  client: GitHubClient,
  target: { owner: string; repo: string },
  asset: ReleaseAsset,
  bytes: Uint8Array,
): Promise<boolean> {
  if (asset.size !== bytes.byteLength) return false;
  const digest = (asset as { digest?: string | null }).digest;
  if (typeof digest === 'string' && digest.startsWith('sha256:')) {
    return digest.slice('sha256:'.length) === createHash('sha256').update(bytes).digest('hex');
  }
  const response = await client.rest.repos.getReleaseAsset({
    owner: target.owner,
    repo: target.repo,
    asset_id: asset.id,
    headers: { accept: 'application/octet-stream' },
  });
  const data: unknown = response.data;
  const downloaded = data instanceof ArrayBuffer ? new Uint8Array(data) : Buffer.from(String(data));
  return Buffer.compare(Buffer.from(downloaded), Buffer.from(bytes)) === 0;
}
