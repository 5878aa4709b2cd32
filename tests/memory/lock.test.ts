import { mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withMemoryLock } from '../../src/memory/lock.js';
import { MemoryLockedError } from '../../src/memory/memory-errors.js';
import { bundleChild, startChild } from './child-process.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('withMemoryLock', () => {
  it('stops a second run with a message naming the file, the holder and the fix, then lets it in once free', async () => {
    const folder = tempDir('readme-i18n-memory-');
    const file = join(folder, 'locales', 'fr.po');
    const state = join(folder, 'holder-state');
    const holder = startChild(await bundleChild('hold-lock', folder), [file, state, '20000']);
    try {
      await holder.waitForLine((line) => line === 'locked');
      const second = withMemoryLock([file], () => Promise.resolve('ran'), { waitMs: 500 });
      await expect(second).rejects.toThrow(MemoryLockedError);
      await expect(withMemoryLock([file], () => Promise.resolve('ran'), { waitMs: 500 })).rejects.toThrow(
        new RegExp(
          `^another readme-i18n run holds ${file.replace(/[.]/g, '\\.')} \\(pid ${holder.process.pid}, since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\) ` +
            `and did not finish within 0\\.5 s; wait for it to end, or delete ${file.replace(/[.]/g, '\\.')}\\.lock if no run is active$`,
        ),
      );
      // A run that may wait, waits: it starts while the holder holds, and gets in only after it let go.
      const waiting = withMemoryLock([file], () => readFile(state, 'utf8'), { waitMs: 20_000 });
      holder.process.stdin.write('release\n');
      expect(await waiting).toBe('releasing');
      expect(await holder.exited).toEqual({ code: 0, signal: null });
    } finally {
      holder.process.kill('SIGKILL');
    }
  });

  it('releases every file, also when the run throws, and leaves nothing behind', async () => {
    const folder = tempDir('readme-i18n-memory-');
    const files = [join(folder, 'locales', 'fr.po'), join(folder, 'locales', 'de.po')];
    await expect(
      withMemoryLock(files, async () => {
        expect((await readdir(join(folder, 'locales'))).sort()).toEqual([
          'de.po.lock',
          'de.po.lock-owner',
          'fr.po.lock',
          'fr.po.lock-owner',
        ]);
        throw new Error('engine failed');
      }),
    ).rejects.toThrow('engine failed');
    // The folder the lock made is gone too: the project is as it was.
    expect(await readdir(folder)).toEqual([]);
    expect(await withMemoryLock(files, () => Promise.resolve(42))).toBe(42);
  });

  it('removes the folders it made once empty and no lock of this process is in them, and only those', async () => {
    const folder = tempDir('readme-i18n-memory-');
    const nested = join(folder, 'i18n', 'po', 'fr.po');
    await expect(withMemoryLock([nested], () => Promise.reject(new Error('refused')))).rejects.toThrow(
      'refused',
    );
    expect(await readdir(folder)).toEqual([]);
    // A folder that was there before stays, empty or not.
    await mkdir(join(folder, 'locales'));
    await withMemoryLock([join(folder, 'locales', 'fr.po')], () => Promise.resolve());
    expect(await readdir(folder)).toEqual(['locales']);
    // A folder the run wrote into stays.
    await withMemoryLock([join(folder, 'po', 'fr.po')], () => writeFile(join(folder, 'po', 'fr.po'), ''));
    expect(await readdir(join(folder, 'po'))).toEqual(['fr.po']);
    // Two languages in one new folder: the first to fail leaves it to the other, which writes there.
    const shared = (lang: string) => join(folder, 'shared', `${lang}.po`);
    let letGo = () => {};
    const held = new Promise<void>((resolve) => (letGo = resolve));
    const second = withMemoryLock([shared('de')], async () => {
      await held;
      await writeFile(shared('de'), '');
    });
    await expect(withMemoryLock([shared('fr')], () => Promise.reject(new Error('refused')))).rejects.toThrow(
      'refused',
    );
    letGo();
    await second;
    expect(await readdir(join(folder, 'shared'))).toEqual(['de.po']);
  });

  it('clears the temporary files a killed run left, and only those', async () => {
    const folder = tempDir('readme-i18n-memory-');
    const file = join(folder, 'fr.po');
    // A pid no process has (above Linux's pid_max), and this live process's.
    const dead = '.fr.po.4194305.0123456789ab.tmp';
    const live = `.fr.po.${process.pid}.0123456789ab.tmp`;
    const kept = [live, '.de.po.0123456789ab.tmp', '.fr.po.notes.tmp', 'fr.po'];
    for (const name of [...kept, '.fr.po.0123456789ab.tmp', dead]) await writeFile(join(folder, name), 'x');
    await withMemoryLock([file], () => Promise.resolve());
    expect((await readdir(folder)).sort()).toEqual(kept.sort());
  });

  it('takes over the lock of a run that died (not refreshed for longer than the stale time)', async () => {
    const folder = tempDir('readme-i18n-memory-');
    const file = join(folder, 'fr.po');
    await mkdir(`${file}.lock`);
    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(`${file}.lock`, old, old);
    expect(await withMemoryLock([file], () => Promise.resolve('ran'), { waitMs: 0 })).toBe('ran');
  });

  it('names the lock folder age when the holder left no owner note', async () => {
    const folder = tempDir('readme-i18n-memory-');
    const file = join(folder, 'fr.po');
    await mkdir(`${file}.lock`);
    await expect(withMemoryLock([file], () => Promise.resolve('ran'), { waitMs: 0 })).rejects.toThrow(
      /holds .*fr\.po \(lock refreshed \d{4}-.+Z\) and did not finish within 0 s;/,
    );
  });
});
