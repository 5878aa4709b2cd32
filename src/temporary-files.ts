import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The temporary files of src/atomic-write.ts: `.<name>.<pid>.<12 hex>.tmp` beside the file `<name>`,
 * the pid that of the process writing it (older versions named no pid: `.<name>.<12 hex>.tmp`).
 * A run killed mid-write (SIGKILL, power cut) leaves one behind; these functions find and remove
 * them, never a file of another name.
 */
const ours = /^(?:(\d+)\.)?[0-9a-f]{12}\.tmp$/;

/** A fresh temporary name beside `file`, naming this process. */
export function temporaryFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Removes the temporary files beside `file` whose writer is no longer running on this machine (the
 * pid in their name names no process): no live run can be writing them. Returns their names.
 */
export async function removeTemporariesOfDeadRuns(file: string): Promise<string[]> {
  return removeWhere(file, (pid) => pid !== undefined && !isAlive(pid));
}

/**
 * Removes the temporary files beside `file` of runs no longer running, and also those naming no pid
 * (of an older version). Only safe while holding the lock every writer of `file` takes: otherwise
 * one naming no pid could be another run's write in progress. Returns their names.
 */
export async function removeStaleTemporaries(file: string): Promise<string[]> {
  return removeWhere(file, (pid) => pid === undefined || !isAlive(pid));
}

async function removeWhere(file: string, stale: (pid: number | undefined) => boolean): Promise<string[]> {
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(file));
  } catch {
    return [];
  }
  const removed = names.filter((name) => {
    if (!name.startsWith(prefix)) return false;
    const match = ours.exec(name.slice(prefix.length));
    return match !== null && stale(match[1] === undefined ? undefined : Number(match[1]));
  });
  await Promise.all(removed.map((name) => rm(join(dirname(file), name), { force: true })));
  return removed;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
