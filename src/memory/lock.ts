import * as fs from 'node:fs';
import { mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, rm, rmdir, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { onExit } from '../exit-cleanup.js';
import { MemoryLockedError } from './memory-errors.js';
import { removeStaleTemporaries } from '../temporary-files.js';

export interface MemoryLockOptions {
  /** How long to wait for another run to finish, in ms (default: `10_000`). */
  readonly waitMs?: number;
  /** A lock not refreshed for this long, in ms, belongs to a dead run and is taken over (default: `60_000`). */
  readonly staleMs?: number;
}

const retryStepMs = 250;

/**
 * Folders a lock of this process created for its memory (`locales/` in a project that had none):
 * `from` is the length of the first one made, `forget` cancels its removal at exit. The last lock out
 * removes them when still empty, so that a run refused at once leaves the project as it was.
 */
const createdFolders = new Map<string, { from: number; forget: () => void }>();

/** Records that making `folder` made the folders from `created` (the first one made) down. */
function noteCreated(folder: string, created: string | undefined): void {
  if (created === undefined) return;
  const before = createdFolders.get(folder);
  if (before) {
    before.from = Math.min(before.from, created.length);
    return;
  }
  const forget = onExit(() => {
    const from = createdFolders.get(folder)?.from;
    if (from !== undefined) removeEmptySync(folder, from);
  });
  createdFolders.set(folder, { from: created.length, forget });
}

/**
 * proper-lockfile's file system, whose `mkdir` makes the lock folder synchronously (so that no folder
 * is made that this process does not know of) and tells `made`, for a process that ends before the
 * lock is held to remove it, as proper-lockfile does for the locks it holds.
 */
function lockFs(made: (path: string) => void) {
  return {
    ...fs,
    mkdir(path: string, callback: (error: NodeJS.ErrnoException | null) => void): void {
      try {
        try {
          mkdirSync(path);
        } catch (error) {
          // Another run that made the memory's folder removed it as it ended, empty: make it again.
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          noteCreated(dirname(path), mkdirSync(dirname(path), { recursive: true }));
          mkdirSync(path);
        }
      } catch (error) {
        process.nextTick(callback, error as NodeJS.ErrnoException);
        return;
      }
      made(path);
      process.nextTick(callback, null);
    },
  };
}

const locksIn = new Map<string, number>();

/**
 * Runs `fn` while holding the lock of every memory file (a `<file>.lock` folder, refreshed while
 * held), so that two runs on the same files never interleave their writes. Waits a bounded time
 * for another run, then throws MemoryLockedError naming the holder. Once held, the temporary files of
 * a killed run are removed.
 */
export async function withMemoryLock<T>(
  files: readonly string[],
  fn: () => Promise<T>,
  options: MemoryLockOptions = {},
): Promise<T> {
  const waitMs = options.waitMs ?? 10_000;
  const staleMs = options.staleMs ?? 60_000;
  // One order for every run, so two runs cannot each hold what the other waits for.
  const shown = new Map(files.map((file) => [resolve(file), file]));
  const ordered = [...shown.keys()].sort();
  const releases: Array<() => Promise<void>> = [];
  // Each lock held, removed with its owner note by a process that exits now (proper-lockfile would
  // remove the lock after every other exit handler: too late for a folder made for it to go too).
  const forgets: Array<() => void> = [];
  let compromised: Error | undefined;
  const folders = [...new Set(ordered.map((file) => dirname(file)))];
  for (const folder of folders) locksIn.set(folder, (locksIn.get(folder) ?? 0) + 1);
  try {
    for (const file of ordered) {
      let release: () => Promise<void>;
      try {
        release = await takeLock(file, staleMs, waitMs, (error) => {
          compromised ??= error;
        });
      } catch (error) {
        throw await lockedError(file, shown.get(file) ?? file, error, waitMs);
      }
      releases.push(release);
      forgets.push(
        onExit(() => {
          rmSync(ownerFile(file), { force: true });
          rmSync(`${file}.lock`, { recursive: true, force: true });
        }),
      );
      // Written at once, not by a worker thread that could write it after the exit handler ran.
      writeFileSync(
        ownerFile(file),
        JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
      );
      await removeStaleTemporaries(file);
    }
    const result = await fn();
    if (compromised) {
      throw new MemoryLockedError(
        `lost the lock of ${files.join(', ')} during the run (${compromised.message}); another run may have written the memory, so run again`,
        { file: ordered[0] ?? '', cause: compromised },
      );
    }
    return result;
  } finally {
    for (let index = releases.length - 1; index >= 0; index--) {
      await rm(ownerFile(ordered[index] ?? ''), { force: true });
      await releases[index]?.().catch(() => undefined); // a compromised lock is already gone
      forgets[index]?.();
    }
    for (const folder of folders) await leaveFolder(folder);
  }
}

/**
 * Takes the lock of one memory file, making its folder when missing (and again should another run
 * that made it remove it meanwhile, see `lockFs`).
 */
async function takeLock(
  file: string,
  staleMs: number,
  waitMs: number,
  onCompromised: (error: Error) => void,
): Promise<() => Promise<void>> {
  // Made at once, so that a process that exits meanwhile knows of the folder it made.
  noteCreated(dirname(file), mkdirSync(dirname(file), { recursive: true }));
  await removeLockOfDeadRun(file);
  let forgetTaking: (() => void) | undefined;
  try {
    return await lockfile.lock(file, {
      fs: lockFs((path) => {
        forgetTaking?.();
        forgetTaking = onExit(() => rmSync(path, { recursive: true, force: true }));
      }),
      realpath: false,
      stale: staleMs,
      update: Math.max(1000, Math.floor(staleMs / 2)),
      retries: {
        retries: Math.ceil(waitMs / retryStepMs),
        factor: 1,
        minTimeout: retryStepMs,
        maxTimeout: retryStepMs,
      },
      onCompromised,
    });
  } finally {
    // Held (removed at exit as a lock held from now on) or given up (and removed by proper-lockfile).
    forgetTaking?.();
  }
}

/** Removes the folders a lock created, up to the first one, once no lock is in them and they are empty. */
async function leaveFolder(folder: string): Promise<void> {
  const left = (locksIn.get(folder) ?? 1) - 1;
  if (left > 0) {
    locksIn.set(folder, left);
    return;
  }
  locksIn.delete(folder);
  const created = createdFolders.get(folder);
  if (created === undefined) return;
  createdFolders.delete(folder);
  created.forget();
  for (let current = folder; current.length >= created.from; current = dirname(current)) {
    if ([...locksIn.keys()].some((held) => held === current || held.startsWith(`${current}/`))) return;
    try {
      await rmdir(current);
    } catch {
      return; // not empty: the run wrote something there, or someone else did
    }
  }
}

/** `leaveFolder` for a process that exits now: the folders a lock created, when empty. */
function removeEmptySync(folder: string, createdFrom: number): void {
  for (let current = folder; current.length >= createdFrom; current = dirname(current)) {
    try {
      rmdirSync(current);
    } catch {
      return; // not empty: the run wrote something there, or someone else did
    }
  }
}

function ownerFile(file: string): string {
  return `${file}.lock-owner`;
}

async function lockedError(file: string, shown: string, cause: unknown, waitMs: number): Promise<Error> {
  if (!(cause instanceof Error && 'code' in cause && cause.code === 'ELOCKED')) {
    return new MemoryLockedError(
      `cannot lock ${shown}: ${cause instanceof Error ? cause.message : String(cause)}; check that its folder is writable`,
      {
        file,
        cause,
      },
    );
  }
  const owner = await readOwner(file);
  return new MemoryLockedError(
    `another readme-i18n run holds ${shown}${owner} and did not finish within ${waitMs / 1000} s; ` +
      `wait for it to end, or delete ${shown}.lock if no run is active`,
    { file, cause },
  );
}

async function readOwner(file: string): Promise<string> {
  try {
    const owner: unknown = JSON.parse(await readFile(ownerFile(file), 'utf8'));
    if (typeof owner === 'object' && owner !== null && 'pid' in owner && 'since' in owner) {
      return ` (pid ${String(owner.pid)}, since ${String(owner.since)})`;
    }
  } catch {
    // The owner note is a courtesy; the lock folder's age still helps.
  }
  try {
    return ` (lock refreshed ${(await stat(`${file}.lock`)).mtime.toISOString()})`;
  } catch {
    return '';
  }
}

/**
 * A run killed on this machine leaves its lock behind until it goes stale; when its owner note names
 * a process of this host that no longer exists, the lock is taken over at once.
 */
async function removeLockOfDeadRun(file: string): Promise<void> {
  let owner: unknown;
  try {
    owner = JSON.parse(await readFile(ownerFile(file), 'utf8'));
  } catch {
    return;
  }
  if (typeof owner !== 'object' || owner === null || !('pid' in owner) || !('host' in owner)) return;
  if (owner.host !== hostname() || typeof owner.pid !== 'number' || isAlive(owner.pid)) return;
  await rm(`${file}.lock`, { recursive: true, force: true });
  await rm(ownerFile(file), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
