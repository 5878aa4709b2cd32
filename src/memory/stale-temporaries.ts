import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Removes the temporary files a killed run left beside `file` (src/atomic-write.ts names them
 * `.<name>.<12 hex>.tmp`). Only safe while holding the file's lock: otherwise one could be
 * another run's write in progress.
 */
export async function removeStaleTemporaries(file: string): Promise<string[]> {
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(file));
  } catch {
    return [];
  }
  const stale = names.filter(
    (name) => name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length)),
  );
  await Promise.all(stale.map((name) => rm(join(dirname(file), name), { force: true })));
  return stale;
}
