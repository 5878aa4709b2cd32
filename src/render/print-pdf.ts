import { createHash } from 'node:crypto';
import type { Browser } from 'puppeteer-core';
import { TimeoutError } from 'puppeteer-core';
import { PageTimeoutError } from './errors.js';
import { appendPdfUpdate, type OutlineEntry } from './pdf-update.js';
import { guardRequests, pageOrigin, type GuardedFile } from './request-guard.js';
import { fixPdfDates, pdfDateStamp } from './fix-pdf-dates.js';

export interface PrintInput {
  /** Path of the page on the made-up origin, such as `/fr/index.html`. */
  readonly path: string;
  readonly serve: (path: string) => Promise<GuardedFile | undefined>;
  /** The headings to bookmark; each needs a link to it in the page for Chrome to record where it is. */
  readonly outline?: readonly OutlineEntry[] | undefined;
  /** What the document was printed from, recorded in the PDF (see `printKey`). */
  readonly key?: string | undefined;
  /** The document's language, recorded as the PDF's `/Lang` for screen readers. */
  readonly lang?: string | undefined;
  /** A tagged PDF (structure for screen readers): Chrome takes about twice as long to print it. */
  readonly tagged?: boolean | undefined;
}

export interface PrintResult {
  readonly pdf: Uint8Array;
  /** URLs the page asked for and was refused. */
  readonly refused: readonly string[];
}

export interface PrintTabOptions {
  readonly allowRemote: boolean;
  /** Time limit for loading and printing one page, in ms. */
  readonly timeoutMs: number;
}

/** A browser tab that prints one document after another. */
export interface PrintTab {
  print(input: PrintInput): Promise<PrintResult>;
  close(): Promise<void>;
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

/**
 * Opens a tab in a fresh browser context, with JavaScript off and every request that is not one of
 * the current document's own files refused. It is opened while the Markdown is still being
 * rendered, so printing starts as soon as a document is ready.
 */
export async function openPrintTab(browser: Browser, options: PrintTabOptions): Promise<PrintTab> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(options.timeoutMs);
    let current: PrintInput | undefined;
    // Independent settings, sent together: one round trip to the browser instead of three.
    const [guard] = await Promise.all([
      guardRequests(page, {
        serve: async (path) => (current === undefined ? undefined : current.serve(path)),
        allowRemote: options.allowRemote,
      }),
      page.setJavaScriptEnabled(false),
      // Laid out for paper from the start: printing then reuses that layout (a third faster than
      // laying out for the screen first), and the PDF is the same.
      page.emulateMediaType('print'),
    ]);
    return {
      print: async (input) => {
        current = input;
        const refusedBefore = guard.refused.length;
        try {
          const pdf = await printPage(page, input, options.timeoutMs);
          return { pdf, refused: guard.refused.slice(refusedBefore) };
        } catch (error) {
          if (error instanceof TimeoutError)
            throw new PageTimeoutError(`printing ${input.path}`, options.timeoutMs, { cause: error });
          throw error;
        } finally {
          current = undefined;
        }
      },
      close: () => context.close().catch(() => undefined),
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

/** How every page prints; part of the key that tells whether a PDF is up to date. */
function pdfOptions(tagged: boolean) {
  return {
    // Size, margins, page numbers and title come from the page's CSS (`@page`).
    preferCSSPageSize: true,
    printBackground: true,
    outline: false,
    tagged,
  } as const;
}

/**
 * What a PDF is printed from: the document, the stylesheets it uses (by content), how it is
 * printed and the date stamped in it. The same key means the same PDF (with the same Chromium),
 * so a PDF that records it need not be printed again.
 */
export function printKey(
  document: string,
  stylesheets: ReadonlyArray<Uint8Array | string>,
  tagged = false,
): string {
  const hash = createHash('sha256');
  hash.update(`readme-i18n print 2\n${JSON.stringify(pdfOptions(tagged))}\n${pdfDateStamp()}\n`);
  for (const sheet of stylesheets) hash.update(createHash('sha256').update(sheet).digest('hex'));
  return hash.update(document).digest('hex');
}

/** Prints one document in a tab of its own, closed afterwards. */
export async function printPdf(browser: Browser, input: PrintInput & PrintTabOptions): Promise<PrintResult> {
  const tab = await openPrintTab(browser, input);
  try {
    return await tab.print(input);
  } finally {
    await tab.close();
  }
}

/**
 * Loads the document and prints it. The PDF is tagged only on request: tagging doubles the time
 * Chrome takes to print; the bookmarks and the language are added afterwards either way.
 */
async function printPage(
  page: Awaited<ReturnType<Browser['newPage']>>,
  input: PrintInput,
  timeoutMs: number,
): Promise<Uint8Array> {
  const deadline = Date.now() + timeoutMs;
  await page.goto(pageOrigin + input.path, { waitUntil: 'load', timeout: timeoutMs });
  // Let anything the loaded page still asks for (a refused refresh, a late image) settle first;
  // a request that never settles (a refused media stream) only costs this short, bounded wait.
  await page.waitForNetworkIdle({ idleTime: 50, timeout: 1000 }).catch(() => undefined);
  const print = () =>
    page.pdf({ ...pdfOptions(input.tagged ?? false), timeout: Math.max(1, deadline - Date.now()) });
  return appendPdfUpdate(fixPdfDates(await printWithRetry(print)), {
    outline: input.outline ?? [],
    key: input.key,
    lang: input.lang,
  });
}
