import { readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { checkMarkdownBytes } from '../markdown/markdown-bytes.js';
import { findRepository } from '../repository-paths.js';
import { rememberedTitles } from './remembered-titles.js';
import {
  outputsUnchanged,
  readRenderState,
  renderInputsDigest,
  type RenderWarnings,
} from './render-state.js';
import { checkSitePaths } from './site-paths.js';
import { planSite, sitePath, type SitePage, type SitePlanInput, type SiteSource } from './site-plan.js';

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
  /**
   * Where each language's memory is, `{lang}` for the code (default: `locales/{lang}.po`): alert
   * titles come from it (see `alertTitle`).
   */
  readonly memory?: string | undefined;
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
  const repository = await findRepository(root, { allowOutside: options.allowOutsideRepo });
  await checkSitePaths(repository, outDir, pages);
  const markdown = await Promise.all(pages.map((page) => readPageMarkdown(root, page)));
  const alertTitles = await Promise.all(
    pages.map((page, index) =>
      page.lang === planInput.sourceLang
        ? {}
        : rememberedTitles(
            repository,
            options.memory ?? 'locales/{lang}.po',
            page.lang,
            markdown[index] ?? '',
          ),
    ),
  );
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
    alertTitles,
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
  // The HTML stack, the PDF printer and the browser are loaded only for a site that has something to do.
  const { makeSite } = await import('./make-site.js');
  return makeSite({
    options,
    root,
    outDir,
    wantHtml,
    wantPdf,
    allowRemote,
    tagged,
    timeoutMs,
    concurrency,
    siteUrl,
    pages,
    switcherPages,
    repository,
    markdown,
    alertTitles,
    settings,
  });
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
 * The Markdown of a page, checked as translate checks its sources: bytes that are not UTF-8 text
 * (NUL bytes, UTF-16, invalid sequences) stop the render with an input error naming the file.
 */
async function readPageMarkdown(root: string, page: SitePage): Promise<string> {
  const bytes = await readFile(page.markdownFile);
  checkMarkdownBytes(
    relative(root, page.markdownFile),
    bytes,
    page.isSource
      ? 'pass a Markdown file with --source'
      : `remove what is not text, or delete the file and write it again with \`readme-i18n translate --lang ${page.lang}\``,
  );
  return bytes.toString('utf8');
}
