import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** Folders made outside a test (at a file's top, in `describe` or `beforeAll`): removed when the file ends. */
const forFileEnd = new Set<string>();

/**
 * A fresh folder in the system's temporary folder (`$TMPDIR`), named `<prefix><6 characters>`: the
 * one way tests make one. Removed with everything in it when the test that made it finishes, or,
 * made outside a test, when the test file's tests are done (tests/helpers/temp-dir-cleanup.ts).
 */
export function tempDir(prefix = 'readme-i18n-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  try {
    onTestFinished(() => remove(folder));
  } catch {
    forFileEnd.add(folder); // not inside a test
  }
  return folder;
}

/** Removes the folders made outside a test; run after each test file. */
export function removeFileFolders(): void {
  for (const folder of forFileEnd) remove(folder);
  forFileEnd.clear();
}

function remove(folder: string): void {
  rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
}
