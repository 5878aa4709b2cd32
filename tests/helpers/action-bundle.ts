import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildActionBundle } from '../../src/action/build-bundle.js';

const projectRoot = join(import.meta.dirname, '..', '..');
const prefix = 'readme-i18n-bundle-cache-';

/** What the bundle is built from: every source file and the locked dependencies. */
async function sourcesDigest(): Promise<string> {
  const hash = createHash('sha256');
  const src = join(projectRoot, 'src');
  const files = (await readdir(src, { recursive: true }))
    .filter((file) => /\.(?:ts|json|txt)$/.test(file))
    .sort();
  for (const file of files) hash.update(file).update(await readFile(join(src, file)));
  hash.update(await readFile(join(projectRoot, 'package-lock.json')));
  return hash.digest('hex').slice(0, 20);
}

/**
 * The Action's bundle as the current sources build it (`buildActionBundle`, as `npm run build:action`
 * does), built once for every test file that asks for it: into a folder of the system's temporary
 * folder named by the sources' digest, one builder at a time (the others wait for it). Earlier
 * builds older than an hour are removed. The folder is read-only by convention: copy it to change it.
 */
export async function builtActionBundle(): Promise<string> {
  const digest = await sourcesDigest();
  const folder = join(tmpdir(), `${prefix}${digest}`);
  const lock = `${folder}.lock`;
  for (;;) {
    if (existsSync(join(folder, 'index.js'))) return folder;
    try {
      await mkdir(lock);
    } catch {
      // Another test file is building it; a lock older than 10 minutes was left by a killed run.
      const since = await stat(lock).then(
        (info) => Date.now() - info.mtimeMs,
        () => 0,
      );
      if (since > 600_000) await rm(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      if (existsSync(join(folder, 'index.js'))) return folder;
      const building = `${folder}.building`;
      await buildActionBundle(building);
      await rm(folder, { recursive: true, force: true });
      await rename(building, folder);
      await removeOldBuilds(folder);
      return folder;
    } finally {
      await rmdir(lock).catch(() => undefined);
    }
  }
}

async function removeOldBuilds(keep: string): Promise<void> {
  for (const name of await readdir(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith(prefix) || path === keep || name.endsWith('.lock')) continue;
    const age = await stat(path).then(
      (info) => Date.now() - info.mtimeMs,
      () => 0,
    );
    if (age > 3_600_000) await rm(path, { recursive: true, force: true });
  }
}
