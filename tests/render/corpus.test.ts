import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderSite, type RenderReport } from '../../src/render/render-site.js';
import { PdfObjects, pdfDestinations, pdfFonts, pdfText, pdfWords } from './pdf-inspect.js';
import { tempDir } from '../helpers/temp-dir.js';

// The corpus sits beside the project (../shared/corpus); it is read there, never copied into the project.
const lpic = new URL('../../../shared/corpus/lpic-305-300.md', import.meta.url).pathname;
const hasCorpus = existsSync(lpic);
if (!hasCorpus)
  console.warn(
    `tests/render/corpus.test.ts skipped: ${lpic} not found (the shared corpus is not next to the project)`,
  );

const translations = new URL('../fixtures/render-lpic/locales/', import.meta.url).pathname;

describe.skipIf(!hasCorpus)('lpic-305-300.md with Arabic and Japanese translations (real Chromium)', () => {
  let root: string;
  let report: RenderReport;
  const pdf = (lang: string): string => join(root, 'docs/pdf', `README.${lang}.pdf`);

  beforeAll(async () => {
    root = tempDir('render-lpic-');
    await mkdir(join(root, 'locales'));
    await copyFile(lpic, join(root, 'README.md'));
    await cp(translations, join(root, 'locales'), { recursive: true });
    report = await renderSite({ root });
  }, 120_000);

  it('prints the headings of the source in order, each in the outline', async () => {
    const markdown = await readFile(lpic, 'utf8');
    // The first level-2 headings outside code, as written (GitHub shows them the same way).
    const headings = [
      '🗂️ Summary',
      '📖 About Project',
      '🚀 Getting Started',
      '📝 Usage',
      '🛣️ Roadmap',
      '🗽 Four Essential Freedoms',
    ];
    for (const heading of headings) expect(markdown).toContain(`\n## ${heading}\n`);
    const text = await pdfText(pdf('en'));
    let at = -1;
    for (const heading of headings) {
      const next = text.indexOf(heading.replace(/^\S+ /, ''), at + 1);
      expect(next, heading).toBeGreaterThan(at);
      at = next;
    }
    const outline = new PdfObjects(await readFile(pdf('en'))).outline().map((line) => line.trim());
    let last = -1;
    for (const heading of headings) {
      const index = outline.indexOf(heading, last + 1);
      expect(index, heading).toBeGreaterThan(last);
      last = index;
    }
  });

  it('turns the table of contents into jumps inside the PDF', async () => {
    const links = new PdfObjects(await readFile(pdf('en'))).links();
    const destinations = new Set(await pdfDestinations(pdf('en')));
    const internal = links.flatMap((link) => (link.dest === undefined ? [] : [link.dest]));
    expect(internal).toEqual(
      expect.arrayContaining([
        'user-content-about-the-project',
        'user-content-getting-started',
        'user-content-readme-top',
      ]),
    );
    expect(internal.filter((dest) => !destinations.has(dest))).toEqual([]);
  });

  it('renders the Arabic page right to left and the Japanese page with CJK glyphs', async () => {
    expect(report.pages.map((page) => page.lang)).toEqual(['en', 'ar', 'ja']);
    const arOutline = new PdfObjects(await readFile(pdf('ar'))).outline().map((line) => line.trim());
    // The bookmarks are written from the headings' text, in logical order (Chrome's own outline
    // wrote right-to-left titles in visual order).
    expect(arOutline.slice(0, 4)).toEqual([
      '📚 تعلّم LPIC-3 305-300',
      '🗂️ الملخص',
      '📖 عن المشروع',
      '🚀 البدء',
    ]);
    const words = await pdfWords(pdf('ar'), 1);
    const summary = words.find((word) => word.text === [...'الملخص'].reverse().join(''));
    expect(summary?.xMax).toBeGreaterThan(520);
    const ja = await pdfText(pdf('ja'));
    expect(ja).toContain('LPIC-3 305-300 を学ぶ');
    expect(ja).toContain('リポジトリをクローンします');
    expect((await pdfFonts(pdf('ja'))).filter((font) => !font.embedded)).toEqual([]);
    const arHtml = await readFile(join(root, 'docs/ar/index.html'), 'utf8');
    expect(arHtml).toContain('<html lang="ar" dir="rtl">');
  });

  it('shows badges as their alt text and lists images missing from the repository', () => {
    expect(report.pages.every((page) => page.refused.length === 0)).toBe(true);
    expect(report.missingImages).toContain(join(root, 'images/lpic3-305-300.jpg'));
  });
});
