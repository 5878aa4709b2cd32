import { randomBytes } from 'node:crypto';
import { close, fsync, openSync, rmSync, writeFile } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { promisify } from 'node:util';
import { onExit } from './exit-cleanup.js';

const writeTo = promisify(writeFile);
const flush = promisify(fsync);
const closeFile = promisify(close);

/**
 * Writes `file` so that a reader (or a run killed at any moment) sees either the old file or the
 * new one, never a part: write a temporary file beside it, flush it, then rename it over.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
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
