import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/render/launch-browser.js';
import { pageCss } from '../../src/render/page-css.js';
import { renderSite, type RenderReport } from '../../src/render/render-site.js';
import {
  PdfObjects,
  pdfDestinations,
  qpdfCheck,
  qpdfOutline,
  pdfFonts,
  pdfPageCount,
  pdfText,
  pdfWords,
} from './pdf-inspect.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixture = new URL('../fixtures/render-site/', import.meta.url).pathname;

const englishOutline = [
  '📚 Learning Virtualization',
  '  🗂️ Summary',
  '  📖 About the project',
  '  🚀 Getting started',
  '    🛠️ Prerequisites',
  '    💾 Installation',
  '  📝 Usage',
  '  📊 Reference table',
  '  📜 License',
  '  Footnotes',
];

describe('renderSite on the three-language fixture (real Chromium)', () => {
  let root: string;
  let docs: string;
  let report: RenderReport;
  const read = (path: string): Promise<string> => readFile(join(docs, path), 'utf8');

  beforeAll(async () => {
    root = tempDir('render-site-');
    await cp(fixture, root, { recursive: true });
    report = await renderSite({ root });
    docs = join(root, 'docs');
  });

  it('writes one page and one PDF per language, and the assets they use', async () => {
    expect(report.pages.map((page) => [page.lang, page.html, page.pdf])).toEqual([
      ['en', join(docs, 'index.html'), join(docs, 'pdf/README.en.pdf')],
      ['ar', join(docs, 'ar/index.html'), join(docs, 'pdf/README.ar.pdf')],
      ['ja', join(docs, 'ja/index.html'), join(docs, 'pdf/README.ja.pdf')],
    ]);
    expect(report.pages.map((page) => page.refused)).toEqual([[], [], []]);
    expect(report.missingImages).toEqual([]);
    expect((await readdir(join(docs, 'assets/img'))).sort()).toEqual(['d35f092abc06-logo.svg']);
    // The diagram every language shows is drawn once, into one file.
    expect(await readdir(join(docs, 'assets/diagrams'))).toEqual([
      expect.stringMatching(/^[\da-f]{20}\.svg$/),
    ]);
    expect((await readdir(join(docs, 'assets'))).sort()).toEqual([
      'diagrams',
      'github-markdown.css',
      'img',
      'katex',
      'readme-i18n.css',
    ]);
  });

  it('sets lang and dir, and links every page to the others through the switcher', async () => {
    const en = await read('index.html');
    const ar = await read('ar/index.html');
    expect(en).toContain('<html lang="en" dir="ltr">');
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(en).toContain(
      '<nav class="readme-i18n-switcher" aria-label="Languages">🌐 <strong lang="en" dir="ltr">English</strong> · ' +
        '<a href="ar/index.html" hreflang="ar" lang="ar" dir="rtl">العربية</a> · ' +
        '<a href="ja/index.html" hreflang="ja" lang="ja" dir="ltr">日本語</a> · <a href="pdf/README.en.pdf">PDF</a></nav>',
    );
    expect(ar).toContain(
      '<a href="../index.html" hreflang="en" lang="en" dir="ltr">English</a> · <strong lang="ar" dir="rtl">العربية</strong> · ' +
        '<a href="../ja/index.html" hreflang="ja" lang="ja" dir="ltr">日本語</a> · <a href="../pdf/README.ar.pdf">PDF</a>',
    );
    // The Markdown switcher (links to .md files) is replaced by the site's own.
    expect(ar).not.toContain('README.ja.md');
    expect(ar).not.toContain('switcher:start');
  });

  it('resolves images and links against the Markdown file’s folder', async () => {
    const en = await read('index.html');
    const ar = await read('ar/index.html');
    expect(en).toContain('<img src="assets/img/d35f092abc06-logo.svg" alt="Logo">');
    expect(ar).toContain('<img src="../assets/img/d35f092abc06-logo.svg" alt="الشعار">');
    expect(en).toContain('<a href="../LICENSE">the license</a>');
    expect(ar).toContain('<a href="../../LICENSE">الترخيص</a>');
    expect(en).toContain('<a href="ja/index.html#-%E4%BD%BF%E3%81%84%E6%96%B9">Japanese page</a>');
  });

  it('renders GitHub features: slugs, alerts, task lists, footnotes, math, highlighting, diagrams', async () => {
    const en = await read('index.html');
    expect(en).toContain('<h2 id="-about-the-project">📖 About the project</h2>');
    expect(en).toContain('<a href="#-about-the-project">About the project</a>');
    expect(en).toContain('<a name="user-content-readme-top" id="user-content-readme-top"></a>');
    expect(en).toContain('<a href="#user-content-readme-top">back to top</a>');
    expect(en).toContain(
      '<div class="markdown-alert markdown-alert-note" dir="auto">\n<p class="markdown-alert-title" dir="auto"><svg class="octicon octicon-info"',
    );
    expect(en).toContain('</svg>Note</p>');
    expect(en).toContain(
      '<li class="task-list-item"><input type="checkbox" checked disabled> A Linux host</li>',
    );
    expect(en).toContain(
      '<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="user-content-footnote-label">1</a>',
    );
    expect(en).toContain('<span class="katex"><span class="katex-mathml"><math');
    expect(en).toContain(
      '<span class="pl-c1">echo</span> <span class="pl-s"><span class="pl-pds">"</span>done<span class="pl-pds">"</span></span>',
    );
    expect(en).toMatch(
      /<p class="readme-i18n-diagram"><img src="assets\/diagrams\/[\da-f]{20}\.svg" alt="Flowchart diagram" width="\d+" height="\d+"><\/p>/,
    );
    expect(en).toContain('<del>VirtualBox</del>');
    expect(en).toContain('<a href="https://example.com">https://example.com</a>');
    expect(en).not.toContain('<script');
  });

  it('prints the headings in order, with an outline and links that jump inside the PDF', async () => {
    const file = join(docs, 'pdf/README.en.pdf');
    const text = await pdfText(file);
    let at = -1;
    for (const heading of englishOutline.slice(0, -1).map((line) => line.trim().replace(/^\S+ /, ''))) {
      const next = text.indexOf(heading, at + 1);
      expect(next, heading).toBeGreaterThan(at);
      at = next;
    }
    const pdf = new PdfObjects(await readFile(file));
    expect(pdf.outline()).toEqual(englishOutline);
    // qpdf reads the bookmarks through the update appended to Chrome's file, and finds it sound.
    expect(await qpdfCheck(file)).toContain('No syntax or stream encoding errors found');
    const outline = await qpdfOutline(file);
    expect(outline.map((item) => item.title)).toEqual(englishOutline);
    expect(outline.every((item) => item.page !== null && item.page >= 1)).toBe(true);
    expect(outline.map((item) => item.page)).toEqual(
      outline.map((item) => item.page).sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    const destinations = await pdfDestinations(file);
    const internal = pdf.links().flatMap((link) => (link.dest === undefined ? [] : [link.dest]));
    expect(internal).toEqual(
      expect.arrayContaining([
        '-about-the-project',
        '-getting-started',
        '-usage',
        '-reference-table',
        'user-content-readme-top',
        'user-content-fn-1',
      ]),
    );
    for (const dest of internal) expect(destinations).toContain(dest);
    // No link points at the made-up origin the page was loaded from.
    expect(pdf.links().map((link) => link.uri)).toEqual(expect.arrayContaining(['https://example.com/']));
    expect(pdf.raw).not.toContain('readme-i18n.invalid');
  });

  it('puts the title at the top of every page and its number out of the total at the bottom', async () => {
    for (const lang of ['en', 'ja']) {
      const file = join(docs, `pdf/README.${lang}.pdf`);
      const total = await pdfPageCount(file);
      expect(total).toBeGreaterThan(1);
      const title =
        lang === 'en'
          ? '📚 Learning Virtualization'
          : (/<title>([^<]*)<\/title>/.exec(await read('ja/index.html'))?.[1] ?? '');
      for (let page = 1; page <= total; page++) {
        const lines = (await pdfText(file, { page }))
          .split('\n')
          .filter((line) => line.replace(/[\s\u200b]/g, '') !== '');
        expect(lines[0], `${lang} page ${page}`).toBe(title);
        expect(lines.at(-1), `${lang} page ${page}`).toMatch(new RegExp(`^${page} ?/ ?${total}$`));
      }
    }
  });

  it('wraps long code lines, repeats table headers and keeps headings off page bottoms', async () => {
    const file = join(docs, 'pdf/README.en.pdf');
    const text = await pdfText(file);
    expect(text).toContain('END-OF-LONG-LINE');
    expect(text).toContain('segment39.cfg');
    const pages = await pdfPageCount(file);
    const headings = new Set(englishOutline.map((line) => line.trim()));
    let headerPages = 0;
    for (let page = 1; page <= pages; page++) {
      const lines = (await pdfText(file, { page, layout: true }))
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      if (lines.some((line) => /^Command\s+Purpose$/.test(line))) headerPages++;
      const body = lines.filter((line) => !/^\d+ \/ \d+$/.test(line));
      expect(headings.has(body[body.length - 1] ?? ''), `page ${page} ends with a heading`).toBe(false);
    }
    expect(headerPages).toBeGreaterThanOrEqual(2);
    expect(text).toContain('cmd-80');
  });

  it('lays the Arabic page out right to left', async () => {
    const arWords = await pdfWords(join(docs, 'pdf/README.ar.pdf'), 1);
    const enWords = await pdfWords(join(docs, 'pdf/README.en.pdf'), 1);
    // pdftotext gives Arabic words in visual order, letters reversed.
    const arHeading = arWords.find((word) => word.text === [...'الفهرس'].reverse().join(''));
    const enHeading = enWords.find((word) => word.text === 'Summary');
    // A4 is 595 pt wide with 14 mm (40 pt) margins: RTL headings end at the right margin.
    expect(arHeading?.xMax).toBeGreaterThan(520);
    expect(enHeading?.xMin).toBeLessThan(90);
  });

  it('embeds fonts with glyphs for Japanese and Arabic text', async () => {
    for (const lang of ['ja', 'ar']) {
      const fonts = await pdfFonts(join(docs, `pdf/README.${lang}.pdf`));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((font) => !font.embedded)).toEqual([]);
      expect(fonts.map((font) => font.name).join(' ')).not.toMatch(/LastResort/i);
    }
    expect(await pdfText(join(docs, 'pdf/README.ja.pdf'))).toContain('演習のステップ 80 を実行します');
    expect(await pdfText(join(docs, 'pdf/README.ar.pdf'))).toContain('جدول المراجع');
  });

  it('finds a real font for CJK, Arabic and emoji with our stylesheet (no empty boxes)', async () => {
    const shared = await launchBrowser();
    try {
      const page = await shared.browser.newPage();
      await page.setJavaScriptEnabled(false);
      await page.setContent(
        `<style>${pageCss}</style><article class="markdown-body"><p id="ja" lang="ja">仮想化を学ぶ</p><p id="ar" lang="ar">جدول المراجع</p><p id="emoji">📚</p></article>`,
      );
      const cdp = await page.createCDPSession();
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const fontsOf = async (selector: string): Promise<string[]> => {
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        return fonts.map((font) => `${font.familyName}: ${font.glyphCount}`);
      };
      // Every glyph comes from a font that has it: six kana/kanji, eleven Arabic letters and a space, one emoji.
      expect(await fontsOf('#ja')).toEqual(['Noto Sans CJK JP: 6']);
      expect(await fontsOf('#ar')).toEqual(['Noto Sans Arabic: 11', 'Noto Sans: 1']);
      expect(await fontsOf('#emoji')).toEqual(['Noto Color Emoji: 1']);
    } finally {
      await shared.close();
    }
  });
});

describe('renderSite again on an unchanged or partly changed site (real Chromium)', () => {
  let root: string;
  const pdfOf = (lang: string): string => join(root, `docs/pdf/README.${lang}.pdf`);
  beforeAll(async () => {
    root = tempDir('render-again-');
    await cp(fixture, root, { recursive: true });
    await renderSite({ root });
  });

  it('reprints only the PDFs whose document changed, and starts no browser when none did', async () => {
    const before = await Promise.all(['en', 'ar', 'ja'].map((lang) => readFile(pdfOf(lang))));
    // No Chromium at all: the run can only succeed by keeping every PDF (and diagram) it made before.
    const unchanged = await renderSite({ root, executablePath: '/nonexistent/chrome' });
    expect(unchanged.pages.map((page) => [page.lang, page.pdfUnchanged, page.pdfBytes])).toEqual([
      ['en', true, before[0]?.byteLength],
      ['ar', true, before[1]?.byteLength],
      ['ja', true, before[2]?.byteLength],
    ]);
    expect(unchanged.diagramsAsSource).toBe(0);

    // A new paragraph in the Japanese translation: only its PDF is printed again.
    await writeFile(
      join(root, 'locales/README.ja.md'),
      `${await readFile(join(root, 'locales/README.ja.md'), 'utf8')}\n新しい段落です。\n`,
    );
    const oneChanged = await renderSite({ root });
    expect(oneChanged.pages.map((page) => [page.lang, page.pdfUnchanged])).toEqual([
      ['en', true],
      ['ar', true],
      ['ja', false],
    ]);
    expect(await pdfText(pdfOf('ja'))).toContain('新しい段落です。');
    expect((await readFile(pdfOf('en'))).equals(before[0] as Buffer)).toBe(true);

    // The logo changes and no Markdown does: every page shows it, so every PDF is printed again.
    await writeFile(
      join(root, 'images/logo.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    );
    const imageChanged = await renderSite({ root });
    expect(imageChanged.pages.map((page) => page.pdfUnchanged)).toEqual([false, false, false]);
    // Printing again from the same document gives the same bytes, and is recognised next time.
    const again = await renderSite({ root, executablePath: '/nonexistent/chrome' });
    expect(again.pages.map((page) => page.pdfUnchanged)).toEqual([true, true, true]);
  });

  it('always prints again with --allow-remote: remote images may have changed', async () => {
    const report = await renderSite({ root, pdf: true, allowRemote: true, langs: ['ja'] });
    expect(report.pages.map((page) => [page.lang, page.pdfUnchanged])).toEqual([
      ['en', false],
      ['ja', false],
    ]);
  });
});
