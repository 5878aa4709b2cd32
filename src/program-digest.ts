import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let program: Promise<string> | undefined;

/**
 * This program's code: another version may write other outputs from the same files. The files of
 * the build (or of the source tree under a test runner), or the one file of a bundle.
 */
export function programDigest(): Promise<string> {
  program ??= (async () => {
    const here = fileURLToPath(import.meta.url);
    const root = existsSync(join(dirname(here), 'pipeline')) ? dirname(here) : undefined;
    const files =
      root === undefined
        ? [here]
        : (await readdir(root, { recursive: true }))
            .filter((file) => /\.(?:js|ts|mjs)$/.test(file) && !file.endsWith('.d.ts'))
            .sort()
            .map((file) => join(root, file));
    const hash = createHash('sha256');
    for (const file of files) hash.update(file.slice(root?.length ?? 0)).update(await readFile(file));
    return hash.digest('hex');
  })();
  return program;
}
