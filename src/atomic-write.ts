import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

/** Temporary files being written: a process that exits mid-write (a second Ctrl-C) removes them. */
const inProgress = new Set<string>();
let removedOnExit = false;

/**
 * Writes `file` so that a reader (or a run killed at any moment) sees either the old file or the
 * new one, never a part: write a temporary file beside it, flush it, then rename it over.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  if (!removedOnExit) {
    removedOnExit = true;
    process.on('exit', () => {
      for (const path of inProgress) rmSync(path, { force: true });
    });
  }
  inProgress.add(temporary);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    inProgress.delete(temporary);
  }
}
