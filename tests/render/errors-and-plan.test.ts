import { existsSync } from 'node:fs';
import { cp, readFile, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliHere } from '../helpers/cli.js';
import { BrowserMissingError, TranslationMissingError } from '../../src/render/errors.js';
import { browserCandidates, findBrowser } from '../../src/render/find-browser.js';
import { isPrivateAddress } from '../../src/render/private-address.js';
import { renderSite } from '../../src/render/render-site.js';
import { planSite } from '../../src/render/site-plan.js';
import { textDirection } from '../../src/language-tag.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixture = new URL('../fixtures/render-site/', import.meta.url).pathname;

describe('site plan, errors and the render command', () => {
  let root: string;
  beforeAll(async () => {
    root = tempDir('render-plan-');
    await cp(fixture, root, { recursive: true });
  });

  it('finds every translation that matches the pattern, source first', async () => {
    const pages = await planSite({
      root,
      sources: [{ source: 'README.md', pattern: 'locales/README.{lang}.md' }],
      sourceLang: 'en',
      langs: undefined,
      outDir: 'site',
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
    const outside = tempDir('render-outside-');
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
  });

  it('names the paths tried, where a named one came from, and the fixes when Chromium is missing', () => {
    expect(() => findBrowser(undefined, { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' })).toThrow(
      BrowserMissingError,
    );
    expect(() => findBrowser(undefined, { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' })).toThrow(
      'no Chrome or Chromium at /nonexistent/chrome (named by PUPPETEER_EXECUTABLE_PATH): not an executable file. ' +
        'Point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium binary, or leave it unset to use the one installed ' +
        '(`sudo apt-get install chromium` installs Chromium).',
    );
    expect(() => findBrowser('/nonexistent/chrome')).toThrow(
      'no Chrome or Chromium at /nonexistent/chrome (named by --browser): not an executable file.',
    );
    expect(findBrowser(undefined, {})).toBe(browserCandidates.find((path) => existsSync(path)));
    expect(() => findBrowser(undefined, { CHROME_BIN: '/nonexistent/chrome-bin' })).toThrow(
      'no Chrome or Chromium at /nonexistent/chrome-bin (named by CHROME_BIN)',
    );
    // A folder passes the executable test but is no browser.
    expect(() => findBrowser(undefined, { CHROME_BIN: root })).toThrow(`no Chrome or Chromium at ${root}`);
    const none = new BrowserMissingError(browserCandidates);
    expect(none.exitCode).toBe(1);
    expect(none.message).toBe(
      'no Chrome or Chromium found (looked at /usr/bin/google-chrome-stable, /usr/bin/google-chrome, ' +
        '/opt/google/chrome/chrome, /usr/bin/chromium, /usr/bin/chromium-browser). Install one with ' +
        "`sudo apt-get install chromium`, or name one with --browser <path> (the Action's input chrome-path), " +
        'PUPPETEER_EXECUTABLE_PATH or CHROME_BIN.',
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

  it('exits 2 on a bad flag and 1 (not a usage error) with the message when Chromium is missing', async () => {
    await writeFile(join(root, 'only-pdf.md'), '# Only\n');
    const badFlag = await runCliHere('readme-i18n', ['render', '--page-timeout', 'soon'], root);
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toContain(
      "readme-i18n: --page-timeout takes a whole number of at least 1, not 'soon'",
    );
    const pdf = [
      'render',
      '--pdf',
      '--source',
      'only-pdf.md',
      '--pattern',
      'locales/README.{lang}.md',
      '--lang',
      'ar',
    ];
    const fromEnv = await runCliHere('readme-i18n', pdf, root, {
      PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome',
    });
    expect(fromEnv.status).toBe(1);
    // Said before announcing PDFs to print.
    expect(fromEnv.stdout).toBe('');
    expect(fromEnv.stderr).toBe(
      'readme-i18n: no Chrome or Chromium at /nonexistent/chrome (named by PUPPETEER_EXECUTABLE_PATH): not an executable file. ' +
        'Point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium binary, or leave it unset to use the one installed ' +
        '(`sudo apt-get install chromium` installs Chromium).\n',
    );
    // --browser comes before the environment.
    const fromFlag = await runCliHere('readme-i18n', [...pdf, '--browser', '/nonexistent/other'], root, {
      PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome',
    });
    expect(fromFlag.status).toBe(1);
    expect(fromFlag.stderr).toMatch(
      /^readme-i18n: no Chrome or Chromium at \/nonexistent\/other \(named by --browser\): not an executable file\. Point --browser at a Chrome or Chromium binary, or leave it out to use/,
    );
  });

  it('refuses Markdown that is not UTF-8 text with exit 2, naming the file, the place and the fix, and writes nothing', async () => {
    const project = tempDir('render-bytes-');
    await cp(fixture, project, { recursive: true });
    const html = ['render', '--html', '--out', 'site', '--pattern', 'locales/README.{lang}.md'];
    await writeFile(join(project, 'locales/README.ja.md'), Buffer.from('# T\ncaf\xe9\n', 'latin1'));
    const latin1 = await runCliHere('readme-i18n', html, project);
    expect(latin1).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'readme-i18n: locales/README.ja.md is not valid UTF-8: byte 7 (line 2) is 0xe9; ' +
        'convert the file to UTF-8, for example with `iconv -f latin1 -t utf-8`\n',
    });
    await writeFile(join(project, 'locales/README.ja.md'), '# T\n\n\0\n');
    const nul = await runCliHere('readme-i18n', html, project);
    expect(nul.status).toBe(2);
    expect(nul.stderr).toBe(
      'readme-i18n: locales/README.ja.md is not text: byte 5 (line 3) is a NUL (0x00); remove what is not text, ' +
        'or delete the file and write it again with `readme-i18n translate --lang ja`\n',
    );
    await writeFile(join(project, 'locales/README.ja.md'), '# T\n');
    await writeFile(join(project, 'README.md'), Buffer.from('# A\0\n', 'utf8'));
    const source = await runCliHere('readme-i18n', html, project);
    expect(source.status).toBe(2);
    expect(source.stderr).toBe(
      'readme-i18n: README.md is not text: byte 3 (line 1) is a NUL (0x00); pass a Markdown file with --source\n',
    );
    expect(existsSync(join(project, 'site'))).toBe(false);
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
