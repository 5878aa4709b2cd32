import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { BrowserMissingError, TranslationMissingError } from '../../src/render/errors.js';
import { browserCandidates, findBrowser } from '../../src/render/find-browser.js';
import { isPrivateAddress } from '../../src/render/private-address.js';
import { renderSite } from '../../src/render/render-site.js';
import { planSite } from '../../src/render/site-plan.js';
import { textDirection } from '../../src/language-tag.js';

const fixture = new URL('../fixtures/render-site/', import.meta.url).pathname;

describe('site plan, errors and the render command', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'render-plan-'));
    await cp(fixture, root, { recursive: true });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('finds every translation that matches the pattern, source first', async () => {
    const pages = await planSite({
      root,
      source: 'README.md',
      sourceLang: 'en',
      pattern: 'locales/README.{lang}.md',
      langs: undefined,
      outDir: 'site',
      name: undefined,
    });
    expect(
      pages.map((page) => [page.lang, page.isSource, page.pageDir, page.htmlFile, page.pdfFile]),
    ).toEqual([
      ['en', true, '', join(root, 'site/index.html'), join(root, 'site/pdf/README.en.pdf')],
      ['ar', false, 'ar', join(root, 'site/ar/index.html'), join(root, 'site/pdf/README.ar.pdf')],
      ['ja', false, 'ja', join(root, 'site/ja/index.html'), join(root, 'site/pdf/README.ja.pdf')],
    ]);
  });

  it('names the command that makes a missing translation', async () => {
    const attempt = renderSite({ root, langs: ['fr'], html: true });
    await expect(attempt).rejects.toThrow(TranslationMissingError);
    await expect(attempt).rejects.toThrow(
      'no translation for "fr": locales/README.fr.md does not exist. Create it with `readme-i18n translate --lang fr`, or leave the language out of --lang.',
    );
  });

  it('refuses an image outside the repository, even through a symbolic link, and writes nothing', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'render-outside-'));
    try {
      await writeFile(join(outside, 'secret.png'), 'SECRET-BYTES');
      await symlink(join(outside, 'secret.png'), join(root, 'images/linked.png'));
      await writeFile(join(root, 'linked.md'), '![linked](images/linked.png)\n');
      await writeFile(join(root, 'climbing.md'), `![climbing](../${basename(outside)}/secret.png)\n`);
      const hint = `outside the repository ${root}; pass --allow-outside-repo if you really mean a path outside the repository`;
      await expect(
        renderSite({ root, source: 'linked.md', langs: [], outDir: 'escape', html: true }),
      ).rejects.toThrow(
        `an image of linked.md names images/linked.png, which resolves to ${join(outside, 'secret.png')}, ${hint}`,
      );
      await expect(
        renderSite({ root, source: 'climbing.md', langs: [], outDir: 'escape', html: true }),
      ).rejects.toThrow(`an image of climbing.md names ../${basename(outside)}/secret.png, ${hint}`);
      expect(existsSync(join(root, 'escape'))).toBe(false);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('names the package when Chromium is missing', () => {
    expect(() => findBrowser(undefined, { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' })).toThrow(
      BrowserMissingError,
    );
    expect(() => findBrowser('/nonexistent/chrome')).toThrow(
      'no Chromium found (looked at /nonexistent/chrome). Install it with `apt-get install chromium` or point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium binary.',
    );
    expect(findBrowser(undefined, {})).toBe(browserCandidates.find((path) => existsSync(path)));
    expect(() => findBrowser(undefined, { CHROME_BIN: '/nonexistent/chrome-bin' })).toThrow(
      'no Chromium found (looked at /nonexistent/chrome-bin).',
    );
    // The input or option first, then PUPPETEER_EXECUTABLE_PATH, then CHROME_BIN.
    expect(findBrowser(process.execPath, { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/a' })).toBe(
      process.execPath,
    );
    expect(
      findBrowser(undefined, { PUPPETEER_EXECUTABLE_PATH: process.execPath, CHROME_BIN: '/nonexistent/b' }),
    ).toBe(process.execPath);
    expect(findBrowser(undefined, { CHROME_BIN: process.execPath })).toBe(process.execPath);
  });

  it('draws diagrams with Chromium, and keeps them as source for HTML alone without it', async () => {
    const drawn = await renderSite({ root, outDir: 'drawn', html: true, langs: [] });
    expect(drawn.diagramsAsSource).toBe(0);
    const page = await readFile(join(root, 'drawn/index.html'), 'utf8');
    const image =
      /<p class="readme-i18n-diagram"><img src="(assets\/diagrams\/[\da-f]{20}\.svg)" alt="[^"]+" width="\d+" height="\d+"><\/p>/.exec(
        page,
      );
    expect(image).not.toBeNull();
    const svg = await readFile(join(root, 'drawn', image?.[1] ?? ''), 'utf8');
    expect(svg).toMatch(/^<svg[^>]*id="readme-i18n-diagram-[\da-f]{12}"/);
    expect(svg).toContain('Guest');
    // A later run finds the diagram it drew in the output folder: no browser needed to show it.
    const again = await renderSite({
      root,
      outDir: 'drawn',
      html: true,
      langs: [],
      executablePath: '/nonexistent/chrome',
    });
    expect(again.diagramsAsSource).toBe(0);
    expect(await readFile(join(root, 'drawn/index.html'), 'utf8')).toBe(page);
    expect(await readFile(join(root, 'drawn', image?.[1] ?? ''), 'utf8')).toBe(svg);
    // A diagram file that could run script when opened on its own is not used: drawn again, or
    // (without a browser) left as source.
    await writeFile(
      join(root, 'drawn', image?.[1] ?? ''),
      svg.replace('</svg>', '<script>alert(1)</script></svg>'),
    );
    const tampered = await renderSite({
      root,
      outDir: 'drawn',
      html: true,
      langs: [],
      executablePath: '/nonexistent/chrome',
    });
    expect(tampered.diagramsAsSource).toBe(1);
    expect(await readFile(join(root, 'drawn/index.html'), 'utf8')).toContain('readme-i18n-diagram-source');
    await renderSite({ root, outDir: 'drawn', html: true, langs: [] });
    expect(await readFile(join(root, 'drawn', image?.[1] ?? ''), 'utf8')).toBe(svg);
    const kept = await renderSite({
      root,
      outDir: 'kept',
      html: true,
      langs: [],
      executablePath: '/nonexistent/chrome',
    });
    expect(kept.diagramsAsSource).toBe(1);
    expect(await readFile(join(root, 'kept/index.html'), 'utf8')).toContain(
      '<pre class="readme-i18n-diagram-source"><code class="language-mermaid">flowchart LR\n  Host --> Guest\n</code></pre>',
    );
    await expect(
      renderSite({ root, outDir: 'kept', pdf: true, langs: [], executablePath: '/nonexistent/chrome' }),
    ).rejects.toThrow(BrowserMissingError);
  });

  it('exits 2 on a bad flag and 1 with the message when Chromium is missing', async () => {
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    const saved = process.env['PUPPETEER_EXECUTABLE_PATH'];
    process.stderr.write = ((chunk: string) => errors.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      expect(await main(['render', '--page-timeout', 'soon'])).toBe(2);
      process.env['PUPPETEER_EXECUTABLE_PATH'] = '/nonexistent/chrome';
      await writeFile(join(root, 'only-pdf.md'), '# Only\n');
      const cwd = process.cwd();
      process.chdir(root);
      try {
        expect(await main(['render', '--pdf', '--source', 'only-pdf.md', '--lang', 'ar'])).toBe(1);
      } finally {
        process.chdir(cwd);
      }
    } finally {
      process.stderr.write = write;
      if (saved === undefined) delete process.env['PUPPETEER_EXECUTABLE_PATH'];
      else process.env['PUPPETEER_EXECUTABLE_PATH'] = saved;
    }
    expect(errors.join('')).toContain(
      "readme-i18n: --page-timeout takes a whole number of at least 1, not 'soon'",
    );
    expect(errors.join('')).toContain(
      'readme-i18n: no Chromium found (looked at /nonexistent/chrome). Install it with `apt-get install chromium`',
    );
  });

  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['[::1]', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['8.8.8.8', false],
    ['2606:4700::1111', false],
    ['not-an-address', true],
  ])('treats %s as private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it.each([
    ['ar', 'rtl'],
    ['he', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ja', 'ltr'],
    ['fr', 'ltr'],
  ])('writes %s %s', (lang, dir) => {
    expect(textDirection(lang)).toBe(dir);
  });
});
