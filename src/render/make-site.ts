import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { writeFileAtomic } from '../atomic-write.js';
import { InterruptedError } from '../errors.js';
import { findSwitcher } from '../markdown/switcher.js';
import { repositoryPath, type Repository } from '../repository-paths.js';
import { contentType } from './content-type.js';
import type { ResourceResolver } from './local-resources.js';
import { warmHighlighter } from './highlight-code.js';
import { DiagramStore } from './diagram-store.js';
import { findBrowser } from './find-browser.js';
import { repositoryFileUrl } from './repository-links.js';
import { markdownToHtml } from './markdown-to-html.js';
import { pageStylesheets, pageTemplate } from './page-template.js';
import { headingOutline, withHeadingLinks } from './heading-outline.js';
import { pdfLinks } from './pdf-links.js';
import { printKey } from './print-pdf.js';
import { pdfKey } from './pdf-update.js';
import type { RememberedTitles } from './alert-titles.js';
import type { RenderedPage, RenderOptions, RenderReport } from './render-site.js';
import { renderInputsDigest, writeRenderState, type RenderSettings } from './render-state.js';
import type { GuardedFile } from './request-guard.js';
import { SiteAssets } from './site-assets.js';
import { SiteBrowser } from './site-browser.js';
import { sitePath, type SitePage } from './site-plan.js';

/** What `renderSite` found out before deciding that the site has something to do. */
export interface SiteToMake {
  readonly options: RenderOptions;
  readonly root: string;
  readonly outDir: string;
  readonly wantHtml: boolean;
  readonly wantPdf: boolean;
  readonly allowRemote: boolean;
  readonly tagged: boolean;
  readonly timeoutMs: number;
  readonly concurrency: number;
  readonly siteUrl: URL | undefined;
  /** The pages rendered now, and those every switcher lists. */
  readonly pages: readonly SitePage[];
  readonly switcherPages: readonly SitePage[];
  readonly repository: Repository;
  /** Each page's Markdown, as read. */
  readonly markdown: readonly string[];
  /** Each page's alert titles from its language's memory. */
  readonly alertTitles: readonly RememberedTitles[];
  /** What decides the outputs besides the Markdown and its images (recorded in the render state). */
  readonly settings: RenderSettings;
}

/**
 * Renders the site's pages and PDFs in one browser, closed at the end whatever happens, and records
 * the render state; `renderSite` calls it when the state on disk does not prove the site up to date.
 */
export async function makeSite(site: SiteToMake): Promise<RenderReport> {
  const { options, root, outDir, wantHtml, wantPdf, allowRemote, tagged, timeoutMs, concurrency, siteUrl } =
    site;
  const { pages, switcherPages, repository, markdown, settings, alertTitles } = site;
  const siblings = (page: SitePage): SitePage[] =>
    switcherPages.filter((other) => other.sourceFile === page.sourceFile);
  warmHighlighter();
  const assets = new SiteAssets(outDir);
  await assets.addStylesheets();
  // Started at once when PDFs are to be printed (Chromium starts in its own process while Node
  // renders the Markdown); for HTML alone, only when a diagram is not found in an earlier output.
  const browser = new SiteBrowser({
    executablePath: options.executablePath,
    printing: wantPdf,
    tabs: Math.min(concurrency, pages.length),
    allowRemote,
    timeoutMs,
  });
  const diagramStore = new DiagramStore(assets, (sources) => browser.drawDiagrams(sources));
  // A PDF records what it was printed from: the hash of its Markdown, then of the whole document.
  // When every PDF's Markdown is unchanged, the browser is only started if a document turns out
  // to differ after all (an image changed).
  const sourceKeys = markdown.map((text) => createHash('sha256').update(text).digest('hex').slice(0, 16));
  const recorded = wantPdf ? await Promise.all(pages.map((page) => recordedKey(page.pdfFile))) : [];
  const reuse = (index: number, key: string): boolean => !allowRemote && recorded[index]?.key === key;
  const predictedFresh = pages.every(
    (_page, index) => !allowRemote && recorded[index]?.key?.startsWith(`${sourceKeys[index]}-`),
  );
  // No browser to print with: said now, before "PDFs to print" and before anything is written.
  if (wantPdf && !predictedFresh) findBrowser(options.executablePath);
  if (wantPdf && !predictedFresh) browser.prepareToPrint();
  if (wantPdf && !predictedFresh) {
    options.onStart?.({
      languages: new Set(pages.map((page) => page.lang)).size,
      sources: new Set(pages.map((page) => page.sourceFile)).size,
      html: wantHtml,
      pdfsToPrint: pages.filter((_page, index) => !recorded[index]?.key?.startsWith(`${sourceKeys[index]}-`))
        .length,
    });
  }
  const printing: Array<Promise<void>> = [];
  let printFailed = false;
  const printed = new Map<SitePage, { bytes: number; refused: readonly string[] }>();
  const unchanged = new Set<SitePage>();
  let anyMath = false;
  const report = (page: SitePage): RenderedPage => ({
    lang: page.lang,
    source: page.sourceFile,
    html: wantHtml ? page.htmlFile : undefined,
    pdf: printed.has(page) || unchanged.has(page) ? page.pdfFile : undefined,
    pdfBytes: unchanged.has(page) ? recorded[pages.indexOf(page)]?.bytes : printed.get(page)?.bytes,
    pdfUnchanged: unchanged.has(page),
    unchanged: !wantHtml && unchanged.has(page),
    refused: printed.get(page)?.refused ?? [],
  });
  const finished = (page: SitePage): void => options.onPage?.(report(page));
  const diagramErrors: Array<RenderReport['diagramErrors'][number]> = [];
  const stopped = (): InterruptedError =>
    new InterruptedError(
      'render stopped: the pages and PDFs written so far are kept and the browser is closed; run render again to finish',
    );
  // Stopped from outside (SIGINT, SIGTERM): the browser closes at once, so prints in progress end.
  const onAbort = (): void => void browser.close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // Every page is made before any is written: an image refused in the last page writes nothing.
    const bodies = [];
    for (const [index, page] of pages.entries()) {
      const assetsUrl = urlFrom(page, join(outDir, 'assets'));
      const shown = withoutSwitcher(markdown[index] ?? '');
      const body = await markdownToHtml(shown.text, {
        lang: page.lang,
        alertTitles: alertTitles[index],
        resources: resolverFor(page, switcherPages, repository, allowRemote, assets, {
          siteDir: outDir,
          repositoryUrl: options.repositoryUrl,
        }),
        diagrams: async (sources) =>
          (await diagramStore.files(sources)).map((file) =>
            file === undefined || 'error' in file
              ? file
              : { src: `${assetsUrl}/${file.name}`, width: file.width, height: file.height },
          ),
      });
      for (const error of body.diagramErrors) {
        diagramErrors.push({
          file: page.markdownFile,
          line: error.line === undefined ? undefined : shown.sourceLine(error.line),
          message: error.message,
        });
      }
      bodies.push(body);
    }
    for (const [index, page] of pages.entries()) {
      if (options.signal?.aborted) throw stopped();
      if (printFailed) break;
      const assetsUrl = urlFrom(page, join(outDir, 'assets'));
      const body = bodies[index] as (typeof bodies)[number];
      anyMath ||= body.hasMath;
      const title = body.title ?? relative(root, page.markdownFile);
      const template = (html: string, print = false): string =>
        pageTemplate({
          lang: page.lang,
          title,
          body: html,
          assets: assetsUrl,
          switcher: siblings(page).map((other) => ({
            lang: other.lang,
            href: other === page ? undefined : pageUrl(page, other),
          })),
          pdf: wantPdf ? urlFrom(page, page.pdfFile) : undefined,
          hasMath: body.hasMath,
          allowRemote,
          print,
        });
      if (wantHtml) await writeFileAtomic(page.htmlFile, template(body.html));
      if (!wantPdf) {
        finished(page);
        continue;
      }
      const published = siteUrl ? new URL(sitePath(outDir, page), siteUrl).href : undefined;
      const outline = headingOutline(body.tree);
      const document = template(toHtml(withHeadingLinks(pdfLinks(body.tree, published), outline)), true);
      const key = `${sourceKeys[index]}-${printKey(
        document,
        pageStylesheets(body.hasMath).map((sheet) => assets.file(sheet) ?? ''),
        tagged,
      )}`;
      if (reuse(index, key)) {
        unchanged.add(page);
        finished(page);
        continue;
      }
      // Printing runs in Chromium while Node goes on with the next language.
      const task = browser
        .print({
          path: `/${sitePath(outDir, page)}`,
          serve: serveFor(`/${sitePath(outDir, page)}`, document, assets),
          outline,
          key,
          lang: page.lang,
          tagged,
        })
        .then(async (result) => {
          await writeFileAtomic(page.pdfFile, result.pdf);
          printed.set(page, { bytes: result.pdf.byteLength, refused: result.refused });
          finished(page);
        });
      // Reported below, with the others; a failure (no Chromium) stops the languages not begun.
      task.catch(() => {
        printFailed = true;
      });
      printing.push(task);
    }
    await browser.closeDiagrams();
    if (wantHtml) await assets.writeAll(anyMath);
    else await assets.writeDiagrams();
    const outcomes = await Promise.allSettled(printing);
    if (options.signal?.aborted) throw stopped();
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    const result: RenderReport = {
      pages: pages.map(report),
      missingImages: assets.missingImages(),
      unsafeImages: assets.unsafeImages(),
      diagramsAsSource: diagramStore.failed,
      diagramErrors,
    };
    // Recorded with its warnings, told again while nothing changes; not when a diagram could not be
    // drawn (no browser: the next run tries again) nor with remote images.
    if (!allowRemote && result.diagramsAsSource === 0) {
      const images = assets.imageFiles().map((file) => relative(root, file));
      await writeRenderState(
        outDir,
        await renderInputsDigest(root, settings, markdown, images),
        images,
        [
          ...(wantHtml ? pages.map((page) => page.htmlFile) : []),
          ...(wantPdf ? pages.map((page) => page.pdfFile) : []),
          ...assets.writtenFiles(),
        ],
        {
          missingImages: result.missingImages.map((file) => relative(root, file)),
          unsafeImages: result.unsafeImages.map((file) => relative(root, file)),
          diagramErrors: diagramErrors.map((error) => ({ ...error, file: relative(root, error.file) })),
          refused: Object.fromEntries(
            pages.map((page, index) => [sitePath(outDir, page), result.pages[index]?.refused ?? []]),
          ),
        },
      );
    }
    return result;
  } catch (error) {
    throw options.signal?.aborted && !(error instanceof InterruptedError) ? stopped() : error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await Promise.allSettled(printing);
    await browser.close();
  }
}

/** The key an earlier run recorded in a PDF, and the PDF's size; undefined when there is no such PDF. */
async function recordedKey(file: string): Promise<{ key: string | undefined; bytes: number } | undefined> {
  try {
    const pdf = await readFile(file);
    return { key: pdfKey(pdf), bytes: pdf.byteLength };
  } catch {
    return undefined;
  }
}

/** The link from one page to another page. */
function pageUrl(from: SitePage, to: SitePage): string {
  return urlFrom(from, to.htmlFile);
}

/** The relative URL from a page to a file of the site. */
function urlFrom(page: SitePage, file: string): string {
  const path = relative(dirname(page.htmlFile), file).split(sep).map(encodeURIComponent).join('/');
  return path === '' ? '.' : path;
}

/** What the printing page may load: its own document, and the site's assets from memory. */
function serveFor(own: string, document: string, assets: SiteAssets) {
  return async (path: string): Promise<GuardedFile | undefined> => {
    if (path === own) return { contentType: contentType(own), body: document };
    const asset = path.startsWith('/assets/') ? assets.file(path.slice('/assets/'.length)) : undefined;
    return asset === undefined ? undefined : { contentType: contentType(path), body: Buffer.from(asset) };
  };
}

/**
 * The Markdown without its language switcher block (the site draws its own, pointing at pages), and
 * the line in the file of a line of what is left.
 */
function withoutSwitcher(text: string): { text: string; sourceLine: (line: number) => number } {
  const block = findSwitcher(text);
  if (!block) return { text, sourceLine: (line) => line };
  const before = text.slice(0, block.start).split('\n').length;
  const removed = text.slice(block.start, block.end).split('\n').length - 1;
  return {
    text: text.slice(0, block.start) + text.slice(block.end),
    sourceLine: (line) => (line >= before ? line + removed : line),
  };
}

function resolverFor(
  page: SitePage,
  pages: readonly SitePage[],
  repository: Repository,
  allowRemote: boolean,
  assets: SiteAssets,
  links: { readonly siteDir: string; readonly repositoryUrl: string | undefined },
): ResourceResolver {
  const { root } = repository;
  const setting = `an image of ${relative(root, page.markdownFile) || page.markdownFile}`;
  return {
    markdownDir: dirname(page.markdownFile),
    root,
    allowRemote,
    image: async (file) => {
      // Only files inside the repository are ever read: `../../etc/x.png`, or a link out of it, is refused.
      await repositoryPath(repository, relative(root, file) || '.', setting);
      const name = await assets.image(file);
      return name === undefined ? undefined : `${urlFrom(page, join(links.siteDir, 'assets'))}/${name}`;
    },
    link: (file, fragment) => {
      const target = pages.find((other) => other.markdownFile === file);
      // A link to a source leads to its page in the language of the page that links.
      const same =
        target?.isSource === true
          ? pages.find((other) => other.sourceFile === target.sourceFile && other.lang === page.lang)
          : undefined;
      if (target) return pageUrl(page, same ?? target) + fragment;
      const web = repositoryFileUrl(file, root, links.siteDir, links.repositoryUrl);
      if (web !== undefined) return web + fragment;
      const path = relative(dirname(page.htmlFile), file).split(sep).map(encodeURIComponent).join('/');
      return path + fragment;
    },
  };
}
