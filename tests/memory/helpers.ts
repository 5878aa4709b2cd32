import { spawnSync } from 'node:child_process';
import { loadMemory } from '../../src/memory/load-memory.js';
import type { TranslationMemory } from '../../src/memory/translation-memory.js';

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
