import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSite } from '../../src/render/render-site.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixture = new URL('../fixtures/render-site/', import.meta.url).pathname;

/** Every file under a folder with its modification time and bytes. */
async function snapshot(dir: string): Promise<Map<string, { mtimeMs: number; bytes: Buffer }>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) =>
    entry.isFile(),
  );
  const result = new Map<string, { mtimeMs: number; bytes: Buffer }>();
  for (const entry of files) {
    const file = join(entry.parentPath, entry.name);
    result.set(file, { mtimeMs: (await stat(file)).mtimeMs, bytes: await readFile(file) });
  }
  return result;
}

describe('renderSite when nothing changed (real Chromium for the first run only)', () => {
  let root: string;
  beforeAll(async () => {
    root = tempDir('render-state-');
    await cp(fixture, root, { recursive: true });
    await renderSite({ root });
  });

  it('writes nothing and starts no browser, then rebuilds a page whose Markdown changed', async () => {
    const docs = join(root, 'docs');
    const before = await snapshot(docs);
    expect(before.has(join(docs, '.readme-i18n-render.json'))).toBe(true);
    // No Chromium at all: the run can only succeed by proving every output up to date.
    const told: string[] = [];
    const unchanged = await renderSite({
      root,
      executablePath: '/nonexistent/chrome',
      onPage: (page) => told.push(page.lang),
    });
    expect(unchanged.pages.map((page) => [page.lang, page.unchanged, page.pdfUnchanged])).toEqual([
      ['en', true, true],
      ['ar', true, true],
      ['ja', true, true],
    ]);
    expect(told).toEqual(['en', 'ar', 'ja']);
    const after = await snapshot(docs);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, { mtimeMs, bytes }] of before) {
      expect(after.get(file)?.mtimeMs, file).toBe(mtimeMs);
      expect(after.get(file)?.bytes.equals(bytes), file).toBe(true);
    }

    // A new paragraph in the Japanese translation: the site is made again, that page with it.
    await writeFile(
      join(root, 'locales/README.ja.md'),
      `${await readFile(join(root, 'locales/README.ja.md'), 'utf8')}\n新しい段落です。\n`,
    );
    const changed = await renderSite({ root, html: true, pdf: false, executablePath: '/nonexistent/chrome' });
    expect(changed.pages.map((page) => page.unchanged)).toEqual([false, false, false]);
    expect(await readFile(join(docs, 'ja/index.html'), 'utf8')).toContain('新しい段落です。');
  });

  it('makes the pages again when an output was edited by hand', async () => {
    const page = join(root, 'docs/ar/index.html');
    await renderSite({ root, html: true, pdf: false });
    await writeFile(page, 'edited');
    const report = await renderSite({ root, html: true, pdf: false });
    expect(report.pages.map((one) => one.unchanged)).toEqual([false, false, false]);
    expect(await readFile(page, 'utf8')).not.toBe('edited');
    const again = await renderSite({ root, html: true, pdf: false });
    expect(again.pages.map((one) => one.unchanged)).toEqual([true, true, true]);
  });
});
