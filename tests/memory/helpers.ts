import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { loadMemory } from '../../src/memory/load-memory.js';
import type { TranslationMemory } from '../../src/memory/translation-memory.js';

const folders: string[] = [];

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A fresh folder removed after the test. */
export async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'readme-i18n-memory-'));
  folders.push(folder);
  return folder;
}

/** A clock that reads `iso` until moved. */
export function fixedClock(iso: string): { now: () => Date; set: (next: string) => void } {
  let current = new Date(iso);
  return { now: () => new Date(current), set: (next) => (current = new Date(next)) };
}

export function open(file: string, clock = fixedClock('2026-11-29T05:13:56Z')): Promise<TranslationMemory> {
  return loadMemory(file, 'fr', { now: clock.now });
}

/** Runs GNU msgfmt's full check; returns its exit status and messages. */
export function msgfmtCheck(file: string): { status: number | null; stderr: string } {
  const result = spawnSync('/usr/bin/msgfmt', ['--check', '-o', '/dev/null', file], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}
