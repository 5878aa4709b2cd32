import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { writeFileAtomic } from '../atomic-write.js';
import { InterruptedError, UsageError } from '../errors.js';
import { findSwitcher } from '../markdown/switcher.js';
import { findRepository, repositoryPath, type Repository } from '../repository-paths.js';
import { contentType } from './content-type.js';
import type { ResourceResolver } from './local-resources.js';
import { warmHighlighter } from './highlight-code.js';
import { DiagramStore } from './diagram-store.js';
import { repositoryFileUrl } from './repository-links.js';
import { markdownToHtml } from './markdown-to-html.js';
import { pageStylesheets, pageTemplate } from './page-template.js';
import { headingOutline, withHeadingLinks } from './heading-outline.js';
import { pdfLinks } from './pdf-links.js';
import { printKey } from './print-pdf.js';
import { pdfKey } from './pdf-update.js';
import {
  outputsUnchanged,
  readRenderState,
  renderInputsDigest,
  writeRenderState,
  type RenderWarnings,
} from './render-state.js';
import type { GuardedFile } from './request-guard.js';
import { SiteAssets } from './site-assets.js';
import { SiteBrowser } from './site-browser.js';
import { checkSitePaths } from './site-paths.js';
import { planSite, type SitePage, type SitePlanInput, type SiteSource } from './site-plan.js';

export interface RenderOptions {
  /** Folder the other paths are relative to (default: the current directory). */
  readonly root?: string | undefined;
  /** The source README (default: `README.md`). */
  readonly source?: string | undefined;
  /**
   * Every source of the site with where its translations are, the first the front page (default:
   * the one of `source`, `pattern` and `name`). With this, those three are not given.
   */
  readonly sources?: readonly SiteSource[] | undefined;
  /** Language of the source (default: `en`). */
  readonly sourceLang?: string | undefined;
  /** Where translations are, `{lang}` for the code (default: `locales/README.{lang}.md`). */
  readonly pattern?: string | undefined;
  /** Languages to render (default: every file matching the pattern). */
  readonly langs?: readonly string[] | undefined;
  /** Output folder (default: `docs`). */
  readonly outDir?: string | undefined;
  /** Write the HTML pages (default: true unless only `pdf` is set). */
  readonly html?: boolean | undefined;
  /** Write the PDFs (default: true unless only `html` is set). */
  readonly pdf?: boolean | undefined;
  /** Fetch remote images such as badges (default: false: they show as their alt text). */
  readonly allowRemote?: boolean | undefined;
  /** Time limit for loading and printing one page, in ms (default: 60000). */
  readonly pageTimeoutMs?: number | undefined;
  /** PDFs printed at once in the one browser (default: 2). */
  readonly concurrency?: number | undefined;
  /** Base name of the PDFs (default: the source's name without extension, as in `README.fr.pdf`). */
  readonly name?: string | undefined;
  /** Where the site is published (`https://me.github.io/repo/`): relative links in the PDFs point there (default: none, they print as plain text). */
  readonly siteUrl?: string | undefined;
  /** Print tagged PDFs, with a structure for screen readers (default: false; about twice as slow to print). */
  readonly taggedPdf?: boolean | undefined;
  /** Chromium to use (default: PUPPETEER_EXECUTABLE_PATH, else found in /usr/bin). */
  readonly executablePath?: string | undefined;
  /**
   * Allow the Markdown, images and outputs outside the repository (default: false: such a path, or
   * one whose symbolic links lead out of it, is refused). Never from a configuration file.
   */
  readonly allowOutsideRepo?: boolean | undefined;
  /** Stops the render (SIGINT, SIGTERM): the browser is closed and an InterruptedError thrown. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Where the repository's files are shown on the web, such as `https://github.com/o/r/blob/main`:
   * links to files outside the site point there (default: none, they stay relative).
   */
  readonly repositoryUrl?: string | undefined;
  /** Told of each page once its outputs are written, in the order they are finished (default: none). */
  readonly onPage?: ((page: RenderedPage) => void) | undefined;
  /** Told once, before the first page is made, when PDFs are to be printed: what is ahead. */
  readonly onStart?: ((plan: RenderPlan) => void) | undefined;
}

/** What a render that prints PDFs is about to do, told before the browser's first (slow) page. */
export interface RenderPlan {
  readonly languages: number;
  /** Markdown sources, each rendered in every language. */
  readonly sources: number;
  readonly html: boolean;
  /** PDFs whose Markdown changed (or that are missing), printed anew. */
  readonly pdfsToPrint: number;
}

export interface RenderedPage {
  readonly lang: string;
  /** The source of the page (the Markdown it is, or translates). */
  readonly source: string;
  readonly html: string | undefined;
  readonly pdf: string | undefined;
  readonly pdfBytes: number | undefined;
  /** The PDF was already printed from this very document, so it was left as it was. */
  readonly pdfUnchanged: boolean;
  /** Nothing of this page was written: its outputs were already made from these very inputs. */
  readonly unchanged: boolean;
  /** Requests the PDF page made that were refused (remote images without --allow-remote, for one). */
  readonly refused: readonly string[];
}

export interface RenderReport {
  readonly pages: readonly RenderedPage[];
  /** Local images referenced but missing; they show as their alt text. */
  readonly missingImages: readonly string[];
  /** SVG images whose script could not be removed: not published, shown as their alt text. */
  readonly unsafeImages: readonly string[];
  /** Mermaid diagrams left as source because no browser could draw them. */
  readonly diagramsAsSource: number;
  /** Mermaid diagrams left as source because Mermaid refused their syntax: where, and why. */
  readonly diagramErrors: ReadonlyArray<{
    readonly file: string;
    readonly line: number | undefined;
    readonly message: string;
  }>;
}

/**
 * Renders the source README and its translations as `docs/index.html`, `docs/<lang>/index.html`
 * and `docs/pdf/<name>.<lang>.pdf`, every page linking to the others; each further source likewise
 * at its place in the repository (`docs/<lang>/docs/usage.html`), links between sources going to
 * the page of the same language. One browser serves every diagram and PDF and is closed at the
 * end, whatever happens.
 */
export async function renderSite(options: RenderOptions = {}): Promise<RenderReport> {
  const root = resolve(options.root ?? process.cwd());
  // Neither flag: both outputs. One flag: that output only, unless the other is asked for too.
  const neither = options.html === undefined && options.pdf === undefined;
  const wantHtml = options.html ?? (neither || options.pdf === false);
  const wantPdf = options.pdf ?? (neither || options.html === false);
  const allowRemote = options.allowRemote ?? false;
  const tagged = options.taggedPdf ?? false;
  const timeoutMs = options.pageTimeoutMs ?? 60_000;
  const concurrency = options.concurrency ?? 2;
  const siteUrl = parseSiteUrl(options.siteUrl);
  if (!wantHtml && !wantPdf)
    throw new UsageError('nothing to render: ask for --html, --pdf or both (default: both)');
  if (!(timeoutMs > 0) || !Number.isInteger(concurrency) || concurrency < 1) {
    throw new UsageError('the page time limit and the concurrency must be positive whole numbers');
  }
  const outDir = resolve(root, options.outDir ?? 'docs');
  const planInput = {
    root,
    sources: siteSources(options),
    sourceLang: options.sourceLang ?? 'en',
    outDir,
  };
  const pages = await planSite({ ...planInput, langs: options.langs });
  // Every language present is in every switcher, also when only some are rendered now.
  const switcherPages = options.langs === undefined ? pages : await everyLanguage(pages, planInput);
  const siblings = (page: SitePage): SitePage[] =>
    switcherPages.filter((other) => other.sourceFile === page.sourceFile);
  const repository = await findRepository(root, { allowOutside: options.allowOutsideRepo });
  await checkSitePaths(repository, outDir, pages);
  const markdown = await Promise.all(pages.map((page) => readFile(page.markdownFile, 'utf8')));
  // What decides the outputs besides the Markdown and its images: a run with the same inputs whose
  // outputs are all as it left them has nothing to do (never with remote images: they may change).
  const settings = {
    html: wantHtml,
    pdf: wantPdf,
    tagged,
    siteUrl: siteUrl?.href,
    repositoryUrl: options.repositoryUrl,
    pages: pages.map((page) => [
      page.lang,
      relative(root, page.markdownFile),
      relative(outDir, page.htmlFile),
      relative(outDir, page.pdfFile),
    ]),
    switcher: switcherPages.map((page) => [page.lang, relative(outDir, page.htmlFile)]),
  };
  const previous = allowRemote ? undefined : await readRenderState(outDir);
  if (
    previous !== undefined &&
    previous.digest === (await renderInputsDigest(root, settings, markdown, previous.images)) &&
    (await outputsUnchanged(outDir, previous))
  ) {
    return unchangedSite(root, outDir, pages, previous.warnings, {
      wantHtml,
      wantPdf,
      onPage: options.onPage,
    });
  }
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

/** The report of a run that found every output already made from its inputs, and wrote nothing. */
async function unchangedSite(
  root: string,
  outDir: string,
  pages: readonly SitePage[],
  warnings: RenderWarnings,
  { wantHtml, wantPdf, onPage }: { wantHtml: boolean; wantPdf: boolean; onPage: RenderOptions['onPage'] },
): Promise<RenderReport> {
  const reported: RenderedPage[] = [];
  for (const page of pages) {
    const done: RenderedPage = {
      lang: page.lang,
      source: page.sourceFile,
      html: wantHtml ? page.htmlFile : undefined,
      pdf: wantPdf ? page.pdfFile : undefined,
      pdfBytes: wantPdf ? (await stat(page.pdfFile)).size : undefined,
      pdfUnchanged: wantPdf,
      unchanged: true,
      refused: warnings.refused[sitePath(outDir, page)] ?? [],
    };
    onPage?.(done);
    reported.push(done);
  }
  return {
    pages: reported,
    missingImages: warnings.missingImages.map((file) => resolve(root, file)),
    unsafeImages: warnings.unsafeImages.map((file) => resolve(root, file)),
    diagramsAsSource: 0,
    diagramErrors: warnings.diagramErrors.map((error) => ({ ...error, file: resolve(root, error.file) })),
  };
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

/** The sources of a render: those given, or the one of `source`, `pattern` and `name`. */
function siteSources(options: RenderOptions): readonly SiteSource[] {
  if (options.sources === undefined) {
    return [
      {
        source: options.source ?? 'README.md',
        pattern: options.pattern ?? 'locales/README.{lang}.md',
        name: options.name,
      },
    ];
  }
  if (options.source !== undefined || options.pattern !== undefined || options.name !== undefined)
    throw new UsageError('give the sources either one by one (source, pattern, name) or as a list, not both');
  if (options.sources.length === 0) throw new UsageError('nothing to render: the list of sources is empty');
  return options.sources;
}

/**
 * The pages rendered now and those of every other language present, each source's together, its
 * source page first, then sorted.
 */
async function everyLanguage(
  pages: readonly SitePage[],
  input: Omit<SitePlanInput, 'langs'>,
): Promise<SitePage[]> {
  const present = await planSite({ ...input, langs: undefined });
  const all: SitePage[] = [];
  for (const sourceFile of new Set(pages.map((page) => page.sourceFile))) {
    const own = [...present, ...pages].filter((page) => page.sourceFile === sourceFile);
    const byLang = new Map(own.map((page) => [page.lang, page]));
    all.push(
      ...[...byLang.values()].sort((a, b) =>
        a.isSource === b.isSource ? a.lang.localeCompare(b.lang) : a.isSource ? -1 : 1,
      ),
    );
  }
  return all;
}

/** Where a page is in the site, as a URL path without the leading `/`: `fr/docs/usage.html`. */
function sitePath(outDir: string, page: SitePage): string {
  return relative(outDir, page.htmlFile).split(sep).join('/');
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

function parseSiteUrl(value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value.endsWith('/') ? value : `${value}/`);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {
    // Reported below with an example.
  }
  throw new UsageError(
    `--site-url must be an http(s) URL such as https://me.github.io/repo/, not '${value}'`,
  );
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
