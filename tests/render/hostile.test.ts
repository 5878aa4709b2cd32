import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageTimeoutError } from '../../src/render/errors.js';
import { launchBrowser, type SharedBrowser } from '../../src/render/launch-browser.js';
import { printPdf } from '../../src/render/print-pdf.js';
import { pageOrigin } from '../../src/render/request-guard.js';
import { renderSite } from '../../src/render/render-site.js';
import { pdfText } from './pdf-inspect.js';
import { startCountingServer, type CountingServer } from './request-counter.js';
import { tempDir } from '../helpers/temp-dir.js';

const template = new URL('../fixtures/render-hostile/README.template.md', import.meta.url);
const passwdLine = (await readFile('/etc/passwd', 'utf8')).split('\n')[0] ?? 'root:x:0:0';

describe('hostile Markdown (real Chromium, loopback server counting requests)', () => {
  let server: CountingServer;
  let root: string;

  beforeAll(async () => {
    server = await startCountingServer();
    root = tempDir('render-hostile-');
    const markdown = (await readFile(template, 'utf8')).replaceAll('{{ORIGIN}}', server.origin);
    // Images that climb out of the repository stop the render (next test); the rest is rendered.
    await writeFile(
      join(root, 'README.md'),
      markdown
        .split('\n')
        .filter((line) => !line.includes('../../'))
        .join('\n'),
    );
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([false, true])('runs no script and reaches nothing (allowRemote: %s)', async (allowRemote) => {
    const outDir = `docs-${allowRemote}`;
    const report = await renderSite({ root, outDir, allowRemote });
    const html = await readFile(join(root, outDir, 'index.html'), 'utf8');
    const text = await pdfText(join(root, outDir, 'pdf/README.en.pdf'));
    expect(server.paths).toEqual([]);
    expect(html).not.toMatch(
      /<script|<iframe|<object|<embed|<style|<link rel="stylesheet" href="http|<meta http-equiv="refresh"|<form/i,
    );
    expect(html).not.toMatch(/javascript:|onerror|file:|\/etc\//i);
    expect(html).not.toContain(passwdLine);
    expect(text).not.toContain(passwdLine);
    expect(text).not.toContain('SCRIPT-RAN');
    expect(text).toContain('The end.');
    // Without --allow-remote an image shows as its alt text; with it, loopback is still refused.
    if (allowRemote) {
      expect(html).toContain(`<img src="${server.origin}/img.png" alt="loopback image">`);
      // The page's Content-Security-Policy stops most before they are even asked for.
      expect(report.pages[0]!.refused.every((url) => url.startsWith(server.origin))).toBe(true);
    } else {
      expect(html).toContain('<span class="readme-i18n-image-alt">loopback image</span>');
      expect(html).not.toContain(server.origin);
      expect(report.pages[0]!.refused).toEqual([]);
    }
    expect(html).toContain('<span class="readme-i18n-image-alt">raw passwd image</span>');
    expect(html).toContain('<a>markdown javascript link</a> and <a>raw javascript link</a>');
  });

  it('refuses an image that climbs out of the repository, writing nothing', async () => {
    const folder = tempDir('render-escape-');
    await writeFile(
      join(folder, 'README.md'),
      '# Escape\n\n![escaping image](../../../../../../etc/passwd)\n',
    );
    await expect(renderSite({ root: folder, outDir: 'docs', allowRemote: false })).rejects.toThrow(
      /^an image of README\.md names (\.\.\/)+etc\/passwd, outside the repository /,
    );
    await expect(readFile(join(folder, 'docs', 'index.html'))).rejects.toThrow(/ENOENT/);
  });

  describe('the browser lock alone, with sanitising bypassed', () => {
    let shared: SharedBrowser;
    beforeAll(async () => {
      shared = await launchBrowser();
    });
    afterAll(async () => {
      await shared.close();
    });

    it('keeps script off and refuses every request that is not the page’s own', async () => {
      const raw = (await readFile(template, 'utf8')).replaceAll('{{ORIGIN}}', server.origin);
      // The template's HTML lines, straight into the page: no Markdown, no sanitiser.
      const page = `<!doctype html><html><body>${raw}<img src="/assets/own.png" alt="own"><img src="file:///etc/passwd"></body></html>`;
      const own = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      );
      const served: string[] = [];
      const result = await printPdf(shared.browser, {
        path: '/index.html',
        allowRemote: true,
        timeoutMs: 30_000,
        serve: async (path) => {
          served.push(path);
          if (path === '/index.html') return { contentType: 'text/html', body: page };
          if (path === '/assets/own.png') return { contentType: 'image/png', body: own };
          return undefined;
        },
      });
      await mkdir(join(root, 'raw'), { recursive: true });
      await writeFile(join(root, 'raw/raw.pdf'), result.pdf);
      const text = await pdfText(join(root, 'raw/raw.pdf'));
      expect(server.paths).toEqual([]);
      // Paths on the page's own made-up origin are asked of `serve`, which answers only its files.
      expect(served.filter((path) => path !== '/favicon.ico').sort()).toEqual([
        '/assets/own.png',
        '/etc/hostname.png',
        '/index.html',
        '/x',
      ]);
      // The meta refresh is refused too; the blank page it leaves is why sanitising removes it first.
      expect(text).not.toContain('SCRIPT-RAN');
      expect(text).not.toContain(passwdLine);
      expect(result.refused).toEqual(
        expect.arrayContaining(
          ['/iframe', '/img.png', '/style.css', '/object', '/embed', '/refresh'].map(
            (path) => server.origin + path,
          ),
        ),
      );
      const prefixes = [server.origin, pageOrigin, 'file:'];
      expect(result.refused.filter((url) => !prefixes.some((prefix) => url.startsWith(prefix)))).toEqual([]);
    });

    it('prints with JavaScript off', async () => {
      const page = `<!doctype html><body><script>document.write('SCRIPT-RAN')</script><noscript>NOSCRIPT-TEXT</noscript></body>`;
      const result = await printPdf(shared.browser, {
        path: '/index.html',
        allowRemote: false,
        timeoutMs: 30_000,
        serve: async (path) =>
          path === '/index.html' ? { contentType: 'text/html', body: page } : undefined,
      });
      await mkdir(join(root, 'raw'), { recursive: true });
      await writeFile(join(root, 'raw/script.pdf'), result.pdf);
      const text = await pdfText(join(root, 'raw/script.pdf'));
      expect(text).toContain('NOSCRIPT-TEXT');
      expect(text).not.toContain('SCRIPT-RAN');
    });

    it('stops a page that takes longer than its time limit', async () => {
      const never = new Promise<undefined>(() => undefined);
      const attempt = printPdf(shared.browser, {
        path: '/index.html',
        allowRemote: false,
        timeoutMs: 500,
        serve: () => never,
      });
      await expect(attempt).rejects.toThrow(PageTimeoutError);
      await expect(attempt).rejects.toThrow(
        'printing /index.html did not finish within 500 ms. Raise the limit with --page-timeout <ms>',
      );
    });
  });
});
