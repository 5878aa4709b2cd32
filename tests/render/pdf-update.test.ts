import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendPdfUpdate, pdfKey, type OutlineEntry } from '../../src/render/pdf-update.js';
import { qpdfCheck, qpdfOutline } from './pdf-inspect.js';
import { tempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);

/** A two-page PDF laid out as Chrome writes one: classic cross-reference table, named destinations. */
function chromeLikePdf(destinations: string | undefined): Buffer {
  const objects = [
    '<</Creator (Chromium)>>',
    `<</Type /Catalog\n/Pages 4 0 R${destinations === undefined ? '' : '\n/Dests 3 0 R'}\n/ViewerPreferences <</Type /ViewerPreferences\n/DisplayDocTitle true>>>>`,
    `<<${destinations ?? ''}>>`,
    '<</Type /Pages /Kids [5 0 R 6 0 R] /Count 2>>',
    '<</Type /Page /Parent 4 0 R /MediaBox [0 0 595 842]>>',
    '<</Type /Page /Parent 4 0 R /MediaBox [0 0 595 842]>>',
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(text, 'latin1');
}

const destinations = [
  '/title [5 0 R /XYZ 0 800 0]',
  '/deep [5 0 R /XYZ 0 600 0]',
  '/second [6 0 R /XYZ 0 800 0]',
  // Chrome's name for the id `️-الملخص`: the fragment percent-encoded, and `%` escaped as `#25`.
  '/#25EF#25B8#258F-#25D8#25A7#25D9#2584#25D9#2585#25D9#2584#25D8#25AE#25D8#25B5 [6 0 R /XYZ 0 400 0]',
].join('\n');

describe('appendPdfUpdate', () => {
  let folder: string;
  const check = async (pdf: Uint8Array) => {
    const file = join(folder, 'out.pdf');
    await writeFile(file, pdf);
    expect(await qpdfCheck(file)).toContain('No syntax or stream encoding errors found');
    return qpdfOutline(file);
  };
  beforeAll(async () => {
    folder = tempDir('pdf-outline-');
  });

  it('records the language as the catalog’s /Lang, with or without bookmarks', async () => {
    const lang = async (pdf: Uint8Array): Promise<string[]> => {
      const file = join(folder, 'lang.pdf');
      await writeFile(file, pdf);
      expect(await qpdfCheck(file)).toContain('No syntax or stream encoding errors found');
      const { stdout } = await run('qpdf', ['--show-object=2', file]);
      return [...stdout.matchAll(/\/Lang \(([^)]*)\)/g)].map((match) => match[1] ?? '');
    };
    expect(await lang(appendPdfUpdate(chromeLikePdf(destinations), { outline: [], lang: 'es' }))).toEqual([
      'es',
    ]);
    const withOutline = appendPdfUpdate(chromeLikePdf(destinations), {
      outline: [{ title: 'Title', level: 1, target: 'title' }],
      lang: 'zh-Hant',
    });
    expect(await lang(withOutline)).toEqual(['zh-Hant']);
    expect(await check(withOutline)).toEqual([{ title: 'Title', page: 1 }]);
    // Printed again over an earlier update: one /Lang, the new one.
    expect(await lang(appendPdfUpdate(withOutline, { outline: [], lang: 'fr' }))).toEqual(['fr']);
  });

  it('nests headings under the nearest smaller level, in logical order, each on its page', async () => {
    const entries: OutlineEntry[] = [
      { title: 'Title', level: 1, target: 'title' },
      { title: 'Deep, after a skipped level', level: 3, target: 'deep' },
      { title: 'Hidden: no destination', level: 2, target: 'hidden' },
      { title: 'Second', level: 2, target: 'second' },
      { title: '🗂️ الملخص', level: 3, target: '️-الملخص' },
    ];
    const source = chromeLikePdf(destinations);
    const result = await check(appendPdfUpdate(source, { outline: entries }));
    expect(result).toEqual([
      { title: 'Title', page: 1 },
      { title: '  Deep, after a skipped level', page: 1 },
      { title: '  Second', page: 2 },
      { title: '    🗂️ الملخص', page: 2 },
    ]);
  });

  it('appends to the file and leaves every byte Chrome wrote as it was', () => {
    const source = chromeLikePdf(destinations);
    const result = Buffer.from(
      appendPdfUpdate(source, { outline: [{ title: 'Title', level: 1, target: 'title' }] }),
    );
    expect(result.subarray(0, source.length).equals(source)).toBe(true);
    expect(result.toString('latin1').slice(source.length)).toContain('/PageMode /UseOutlines');
  });

  it('returns the PDF unchanged without destinations, headings or a readable trailer', () => {
    const entry: OutlineEntry = { title: 'Title', level: 1, target: 'title' };
    const noDestinations = chromeLikePdf(undefined);
    expect(appendPdfUpdate(noDestinations, { outline: [entry] })).toBe(noDestinations);
    const withDestinations = chromeLikePdf(destinations);
    expect(appendPdfUpdate(withDestinations, { outline: [] })).toBe(withDestinations);
    expect(appendPdfUpdate(withDestinations, { outline: [{ ...entry, target: 'missing' }] })).toBe(
      withDestinations,
    );
    const truncated = withDestinations.subarray(0, withDestinations.length - 20);
    expect(appendPdfUpdate(truncated, { outline: [entry], key: 'abc' })).toBe(truncated);
  });

  it('records the key in the document information, keeping what Chrome wrote there, and reads it back', async () => {
    const entry: OutlineEntry = { title: 'Title', level: 1, target: 'title' };
    expect(pdfKey(chromeLikePdf(destinations))).toBeUndefined();
    const keyed = appendPdfUpdate(chromeLikePdf(destinations), { outline: [entry], key: '0123abcd-ef45' });
    expect(pdfKey(keyed)).toBe('0123abcd-ef45');
    expect(await check(keyed)).toEqual([{ title: 'Title', page: 1 }]);
    const file = join(folder, 'keyed.pdf');
    await writeFile(file, keyed);
    const { stdout } = await run('pdfinfo', [file]);
    expect(stdout).toMatch(/^Creator:\s+Chromium$/m);
    // Without headings, and printed again: the latest key is the one read.
    const noOutline = appendPdfUpdate(chromeLikePdf(undefined), { outline: [entry], key: 'first' });
    expect(pdfKey(noOutline)).toBe('first');
    expect(await check(noOutline)).toEqual([]);
    expect(pdfKey(appendPdfUpdate(noOutline, { outline: [], key: 'second' }))).toBe('second');
    expect(() => appendPdfUpdate(noOutline, { outline: [], key: 'a) /Evil (b' })).toThrow('word characters');
  });
});
