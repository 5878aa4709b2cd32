import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folders made by the test file running now. */
const made = new Set<string>();

/**
 * A fresh folder in the system's temporary folder (`$TMPDIR`), named `<prefix><6 characters>`: the
 * one way tests make one. Removed with everything in it once the test file's tests are done
 * (tests/helpers/temp-dir-cleanup.ts), not when the test that made it ends: a file may keep a
 * project made by its first test for the others (a memoised first run).
 */
export function tempDir(prefix = 'readme-i18n-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  made.add(folder);
  return folder;
}

/** Removes every folder `tempDir` made; run after each test file. */
export function removeTempDirs(): void {
  for (const folder of made) rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  made.clear();
}
