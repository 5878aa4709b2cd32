import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type SharedBrowser } from '../../src/render/launch-browser.js';
import { pageCss } from '../../src/render/page-css.js';
import { printPdf } from '../../src/render/print-pdf.js';
import { pdfText } from './pdf-inspect.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Prints `body` with our stylesheet and returns the text of each page. */
async function printPages(shared: SharedBrowser, folder: string, body: string): Promise<string[]> {
  const document = `<!doctype html><html lang="en"><head><style>${pageCss}</style></head><body><article class="markdown-body">${body}</article></body></html>`;
  const result = await printPdf(shared.browser, {
    path: '/index.html',
    allowRemote: false,
    timeoutMs: 30_000,
    serve: async (path) =>
      path === '/index.html' ? { contentType: 'text/html', body: document } : undefined,
  });
  const file = join(folder, 'layout.pdf');
  await writeFile(file, result.pdf);
  return (await pdfText(file)).split('\f');
}

describe('print layout (real Chromium)', () => {
  let shared: SharedBrowser;
  let folder: string;
  beforeAll(async () => {
    shared = await launchBrowser();
    folder = tempDir('render-layout-');
  });
  afterAll(async () => {
    await shared.close();
  });

  it('moves a heading that would end a page to the next one, with its paragraph', async () => {
    // The spacer leaves room for the heading alone at the bottom of page 1 (A4, 16 mm margins).
    const pages = await printPages(
      shared,
      folder,
      '<div style="height: 950px">Spacer</div><h2>Stranded heading</h2><p>Its paragraph.</p>',
    );
    expect(pages[0]).toContain('Spacer');
    expect(pages[0]).not.toContain('Stranded heading');
    expect(pages[1]).toContain('Stranded heading\nIts paragraph.');
  });

  it('wraps a long code line instead of cutting it at the margin', async () => {
    const line = Array.from({ length: 30 }, (_, index) => `word${index}`).join('-');
    const pages = await printPages(shared, folder, `<pre><code>${line}-LAST</code></pre>`);
    expect(pages[0]?.replace(/\s/g, '')).toContain(`${line}-LAST`);
  });
});
