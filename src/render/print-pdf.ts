import type { Browser } from 'puppeteer-core';
import { TimeoutError } from 'puppeteer-core';
import { PageTimeoutError } from './errors.js';
import { escapeHtml } from './page-template.js';
import { guardRequests, pageOrigin, type GuardedFile } from './request-guard.js';
import { textDirection } from './text-direction.js';
import { fixPdfDates } from './fix-pdf-dates.js';

export interface PrintInput {
  /** Path of the page on the made-up origin, such as `/fr/index.html`. */
  readonly path: string;
  readonly title: string;
  readonly lang: string;
  readonly serve: (path: string) => Promise<GuardedFile | undefined>;
  readonly allowRemote: boolean;
  readonly timeoutMs: number;
}

export interface PrintResult {
  readonly pdf: Uint8Array;
  /** URLs the page asked for and was refused. */
  readonly refused: readonly string[];
}

/**
 * A navigation the page attempts (and the guard refuses) can interrupt a print that started at the
 * same moment; the document is still there, so printing again works. Bounded: three attempts.
 */
async function printWithRetry(print: () => Promise<Uint8Array>): Promise<Uint8Array> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await print();
    } catch (error) {
      const interrupted =
        error instanceof Error && /context was destroyed|Printing failed/i.test(error.message);
      if (!interrupted || attempt === 3) throw error;
    }
  }
}

const footerStyle =
  'font-size:8px;width:100%;padding:0 14mm;color:#59636e;font-family:"Noto Sans","Noto Sans CJK JP","Noto Naskh Arabic",sans-serif;';

/**
 * Prints one page to PDF in a fresh browser context, with JavaScript off and every request that is
 * not one of the page's own files refused. Chrome writes the bookmarks from the headings (`outline`
 * needs `tagged`) and turns `#fragment` links into jumps inside the PDF.
 */
export async function printPdf(browser: Browser, input: PrintInput): Promise<PrintResult> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setJavaScriptEnabled(false);
    page.setDefaultTimeout(input.timeoutMs);
    const guard = await guardRequests(page, { serve: input.serve, allowRemote: input.allowRemote });
    const deadline = Date.now() + input.timeoutMs;
    await page.goto(pageOrigin + input.path, { waitUntil: 'load', timeout: input.timeoutMs });
    // Let anything the loaded page still asks for (a refused refresh, a late image) settle first;
    // a request that never settles (a refused media stream) only costs this short, bounded wait.
    await page.waitForNetworkIdle({ idleTime: 50, timeout: 1000 }).catch(() => undefined);
    const attributes = `lang="${escapeHtml(input.lang)}" dir="${textDirection(input.lang)}"`;
    const print = () =>
      page.pdf({
        format: 'A4',
        printBackground: true,
        outline: true,
        tagged: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="${footerStyle}text-align:center" ${attributes}>${escapeHtml(input.title)}</div>`,
        footerTemplate: `<div style="${footerStyle}text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
        margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
        timeout: Math.max(1, deadline - Date.now()),
      });
    return { pdf: fixPdfDates(await printWithRetry(print)), refused: [...guard.refused] };
  } catch (error) {
    if (error instanceof TimeoutError)
      throw new PageTimeoutError(`printing ${input.path}`, input.timeoutMs, { cause: error });
    throw error;
  } finally {
    await context.close().catch(() => undefined);
  }
}
