import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

/** Regenerate expected files only when asked: `UPDATE_FIXTURES=1 npx vitest run`. */
export const updating = process.env.UPDATE_FIXTURES === '1';

export function fixtureCases(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Compares `actual` with the expected file byte for byte, or writes it when updating. */
export function expectFile(file: string, actual: string): void {
  if (updating || !existsSync(file)) {
    if (!updating)
      throw new Error(`missing expected file ${file}: run UPDATE_FIXTURES=1 npx vitest run to create it`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

export function readJson<T>(file: string, fallback: T): T {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : fallback;
}

export const fixturesRoot = join(import.meta.dirname, '..', 'fixtures');
