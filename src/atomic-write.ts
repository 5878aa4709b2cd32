import { close, fsync, openSync, rmSync, writeFile } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { onExit } from './exit-cleanup.js';
import { removeTemporariesOfDeadRuns, temporaryFor } from './temporary-files.js';

const writeTo = promisify(writeFile);
const flush = promisify(fsync);
const closeFile = promisify(close);

/**
 * Writes `file` so that a reader (or a run killed at any moment) sees either the old file or the
 * new one, never a part: write a temporary file beside it, flush it, then rename it over. The
 * temporary files a killed run left beside it (see src/temporary-files.ts) go first.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await removeTemporariesOfDeadRuns(file);
  const temporary = temporaryFor(file);
  // A process that exits mid-write (a second Ctrl-C) removes it.
  const forget = onExit(() => rmSync(temporary, { force: true }));
  try {
    // Created at once, not by a worker thread that could create it after the exit handler ran.
    const descriptor = openSync(temporary, 'w');
    try {
      await writeTo(descriptor, data);
      await flush(descriptor);
    } finally {
      await closeFile(descriptor);
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    forget();
  }
}
