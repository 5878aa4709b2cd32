import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { TimeoutError, type Browser, type Page } from 'puppeteer-core';
import { readPackedFile } from '../packed-file.js';
import { PageTimeoutError } from './errors.js';
import type { DrawDiagrams } from './diagram-store.js';
import { guardRequests, pageOrigin } from './request-guard.js';

const require = createRequire(import.meta.url);
const mermaidEntry = 'mermaid.esm.min.mjs';
// Resolved on first use: an HTML-only render without diagrams never needs Mermaid installed.
let mermaidDist: string | undefined;

/** The file of Mermaid's module build a path of the diagram page names, or undefined for anything else. */
function mermaidFile(path: string): string | undefined {
  const match = /^\/mermaid\/((?:chunks\/mermaid\.esm\.min\/)?[\w.-]+\.mjs)$/.exec(path);
  if (!match) return undefined;
  mermaidDist ??= dirname(require.resolve(`mermaid/dist/${mermaidEntry}`));
  return join(mermaidDist, match[1] as string);
}

/** Turns Puppeteer's time-out into the error that names the limit and the flag to raise it. */
async function renderWithin<T>(timeoutMs: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TimeoutError)
      throw new PageTimeoutError('drawing the Mermaid diagrams', timeoutMs, { cause: error });
    throw error;
  }
}

export interface MermaidRenderer {
  readonly render: DrawDiagrams;
  /** Closes the diagram page, if one was opened. */
  close(): Promise<void>;
}

/**
 * Draws Mermaid diagrams in a page of their own: the tab the browser starts with (opening another
 * costs a tenth of a second), outside the contexts that print. It is the only page that runs
 * script, and it runs only Mermaid (read from node_modules) with every network request refused.
 * The SVG it returns goes into the document page as an image, so the document page runs none.
 * The page is opened on the first diagram and serves every language after it.
 */
export function mermaidRenderer(browser: Browser, timeoutMs: number): MermaidRenderer {
  let opened: Promise<Page> | undefined;
  const open = async (): Promise<Page> => {
    const [first] = await browser.pages();
    const page = first ?? (await browser.newPage());
    page.setDefaultTimeout(timeoutMs);
    await guardRequests(page, {
      allowRemote: false,
      serve: async (path) => {
        if (path === '/diagram.html')
          return { contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><body>' };
        const file = mermaidFile(path);
        return file === undefined
          ? undefined
          : { contentType: 'text/javascript', body: await readPackedFile(file).catch(() => '') };
      },
    });
    await page.goto(`${pageOrigin}/diagram.html`, { waitUntil: 'load', timeout: timeoutMs });
    // Mermaid's module build: the core, and only the chunks of the diagram types the page draws
    // (its single-file build takes four times as long to start).
    // A string, not a function: a function's `import()` would be rewritten by bundlers and test runners.
    await page.evaluate(
      `import(${JSON.stringify(`/mermaid/${mermaidEntry}`)}).then((m) => { globalThis.mermaid = m.default; })`,
    );
    await page.evaluate(() => {
      const mermaid = (globalThis as unknown as { mermaid: { initialize(config: object): void } }).mermaid;
      // Plain SVG text labels (no HTML in foreignObject) so the diagram draws as an image.
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        htmlLabels: false,
        flowchart: { htmlLabels: false },
      });
    });
    return page;
  };
  return {
    render: (sources) =>
      renderWithin(timeoutMs, async () => {
        opened ??= open();
        const page = await opened;
        // Ids from the sources: the same diagram draws to the same bytes whatever else the page has.
        const ids = sources.map(
          (source) => `readme-i18n-diagram-${createHash('sha256').update(source).digest('hex').slice(0, 12)}`,
        );
        const svgs = await page.evaluate(
          async (texts: readonly string[], names: readonly string[]) => {
            const mermaid = (
              globalThis as unknown as {
                mermaid: { render(id: string, text: string): Promise<{ svg: string }> };
              }
            ).mermaid;
            const out: Array<string | { error: string }> = [];
            for (const [index, text] of texts.entries()) {
              try {
                out.push((await mermaid.render(names[index] as string, text)).svg);
              } catch (error) {
                out.push({ error: error instanceof Error ? error.message : String(error) });
              }
            }
            return out;
          },
          sources,
          ids,
        );
        return svgs;
      }),
    close: async () => {
      if (opened === undefined) return;
      await (await opened).close();
    },
  };
}
