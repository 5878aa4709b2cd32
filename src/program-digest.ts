import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let program: Promise<string> | undefined;

/**
 * This program's code: another version may write other outputs from the same files. The files of
 * the build (or of the source tree under a test runner), or the one file of a bundle.
 */
export function programDigest(): Promise<string> {
  program ??= Promise.resolve().then(() => {
    const here = fileURLToPath(import.meta.url);
    const root = dirname(here);
    return existsSync(join(root, 'pipeline'))
      ? codeDigest(root)
      : createHash('sha256').update(readFileSync(here)).digest('hex');
  });
  return program;
}

/**
 * The SHA-256 of the code files under `root` (`.js`, `.ts`, `.mjs`; not declarations), with their
 * paths. Read one after the other without the event loop: a couple of hundred small files take a
 * few milliseconds so, against a tenth of a second through promises.
 */
export function codeDigest(root: string): string {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(?:js|ts|mjs)$/.test(file) && !file.endsWith('.d.ts'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`/${file}`).update(readFileSync(join(root, file)));
  return hash.digest('hex');
}
