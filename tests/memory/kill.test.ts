import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { po } from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { loadMemory } from '../../src/memory/load-memory.js';
import { withMemoryLock } from '../../src/memory/lock.js';
import { bundleChild, startChild } from './child-process.js';
import { msgfmtCheck } from './helpers.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Pauses after a save before the kill, spread over a save's duration so kills land mid-write too. */
const killDelaysMs = [0, 1, 2, 3, 4, 6, 8, 10, 12, 15, 18, 22, 26, 30, 35, 40];

/** Checks what a reader of the PO file sees: a complete memory, whose units match their translations. */
async function expectComplete(file: string, atLeast: number, label: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(() => po.parse(text), label).not.toThrow();
  const memory = await loadMemory(file, 'fr');
  expect(memory.warnings, label).toEqual([]);
  const saved = memory.entries();
  expect(saved.length, label).toBeGreaterThanOrEqual(atLeast);
  for (const entry of saved) {
    const unit = Number(/^Unit (\d+)\n/.exec(entry.source)?.[1]);
    const translated = Number(/^Traduction (\d+)\n/.exec(entry.translation)?.[1]);
    expect(translated % 40, label).toBe(unit);
    expect(entry.origin, label).toBe('engine:loop');
    // The next run finds them: nothing saved is sent again.
    expect(memory.lookup(entry.source), label).toBe(entry.translation);
  }
}

describe('a run killed while saving', () => {
  it('never shows a reader a partial file while it saves', async () => {
    const folder = tempDir('readme-i18n-memory-');
    const file = join(folder, 'locales', 'fr.po');
    const child = startChild(await bundleChild('save-loop', folder), [file, '300']);
    try {
      await child.waitForLine((text) => text === 'saved 2');
      let running = true;
      void child.exited.then(() => (running = false));
      for (let read = 0; read < 150 && running; read++) {
        await expectComplete(file, 3, `read ${read}`);
      }
    } finally {
      child.process.kill('SIGKILL');
    }
  });

  it('always leaves a valid PO file with every entry it had saved', async () => {
    const folder = tempDir('readme-i18n-memory-');
    const script = await bundleChild('save-loop', folder);
    const locales = join(folder, 'locales');
    const file = join(locales, 'fr.po');
    for (const delay of killDelaysMs) {
      await rm(locales, { recursive: true, force: true });
      const child = startChild(script, [file, '5000']);
      try {
        await child.waitForLine((text) => text === 'saved 2');
        await sleep(delay);
        child.process.kill('SIGKILL');
        expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
      } finally {
        child.process.kill('SIGKILL');
      }
      expect(msgfmtCheck(file)).toEqual({ status: 0, stderr: '' });
      // At least the three saves reported, each adding one unit of the 40 the loop cycles through.
      await expectComplete(file, 3, `killed ${delay} ms after save 2`);
      // A kill mid-write may leave the temporary file beside it, never a partial PO file.
      const others = (await readdir(locales)).filter(
        (name) => !/^\.fr\.po\.\d+\.[0-9a-f]{12}\.tmp$/.test(name),
      );
      expect(others).toEqual(['fr.po']);
      // The next run, once it holds the lock, clears them.
      await withMemoryLock([file], () => Promise.resolve());
      expect(await readdir(locales)).toEqual(['fr.po']);
    }
  });

  it('leaves no lock, owner note or temporary file when it ends at once (a second Ctrl-C)', async () => {
    const folder = tempDir('readme-i18n-memory-');
    const script = await bundleChild('exit-while-saving', folder);
    const locales = join(folder, 'locales');
    const file = join(locales, 'fr.po');
    for (const delay of killDelaysMs) {
      await rm(locales, { recursive: true, force: true });
      const child = startChild(script, [file, String(delay)]);
      try {
        expect(await child.exited, child.stderr()).toEqual({ code: 130, signal: null });
      } finally {
        child.process.kill('SIGKILL');
      }
      expect(await readdir(locales), `ended ${delay} ms after save 3`).toEqual(['fr.po']);
      await expectComplete(file, 3, `ended ${delay} ms after save 3`);
    }
  });

  it('leaves no lock folder when it ends at once while taking the lock', async () => {
    const folder = tempDir('readme-i18n-memory-');
    const script = await bundleChild('exit-while-locking', folder);
    const locales = join(folder, 'locales');
    const file = join(locales, 'fr.po');
    // Every turn of the event loop from the start of the run to the lock held, and a few after.
    for (let ticks = 0; ticks <= 40; ticks++) {
      await rm(locales, { recursive: true, force: true });
      const child = startChild(script, [file, String(ticks)]);
      try {
        expect(await child.exited, child.stderr()).toEqual({ code: 130, signal: null });
      } finally {
        child.process.kill('SIGKILL');
      }
      // Nothing left, not even the folder the run made for its memory.
      expect(existsSync(locales), `ended after ${ticks} turns`).toBe(false);
    }
  });
});
