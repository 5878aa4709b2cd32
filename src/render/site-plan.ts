import { access } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { findLanguageFiles } from '../language-files.js';
import { isLanguageTag } from '../language-tag.js';
import { TranslationMissingError } from './errors.js';
import { shown } from '../shown-value.js';

/** One Markdown source of the site and where its translations are. */
export interface SiteSource {
  /** The source file, relative to the root. */
  readonly source: string;
  /** Where its translations are, `{lang}` for the code, as in `locales/README.{lang}.md`. */
  readonly pattern: string;
  /** Base name of its PDFs, `<name>.<lang>.pdf` (default: the file's name, or its path when two sources share a name). */
  readonly name?: string | undefined;
}

/** One language of one source of the site. Paths are absolute. */
export interface SitePage {
  readonly lang: string;
  readonly isSource: boolean;
  /** The source this page is (or translates). */
  readonly sourceFile: string;
  readonly markdownFile: string;
  /** Folder of the language inside the output folder: '' for the source language, else the language code. */
  readonly pageDir: string;
  readonly htmlFile: string;
  readonly pdfFile: string;
}

export interface SitePlanInput {
  readonly root: string;
  /** The sources; the first is the site's front page (`index.html`). */
  readonly sources: readonly SiteSource[];
  readonly sourceLang: string;
  /** Languages asked for; undefined means every file that matches a source's pattern. */
  readonly langs: readonly string[] | undefined;
  readonly outDir: string;
}

/**
 * Each source's pages, sources in the order given, each its source page first, then one page per
 * translation in the order asked (or sorted). The first source is `index.html` of each language's
 * folder; another keeps its place in the repository, `docs/usage.md` becoming `<lang>/docs/usage.html`,
 * so that two sources never meet and links between them keep their shape.
 */
export async function planSite(input: SitePlanInput): Promise<SitePage[]> {
  const outDir = resolve(input.root, input.outDir);
  // Where each source is in the repository; one outside it (allowed by --allow-outside-repo) by its name.
  const paths = input.sources.map((source) => {
    const path = relative(input.root, resolve(input.root, source.source));
    return path.startsWith('..') || isAbsolute(path) ? basename(path) : path.split(sep).join('/');
  });
  const names = pdfNames(input.sources, paths);
  const pages: SitePage[] = [];
  for (const [index, source] of input.sources.entries()) {
    const pagePath = index === 0 ? 'index.html' : htmlPath(paths[index] ?? '');
    pages.push(
      ...(await sourcePages(input, source, (lang, isSource, markdownFile) => {
        const pageDir = isSource ? '' : lang;
        return {
          lang,
          isSource,
          sourceFile: resolve(input.root, source.source),
          markdownFile,
          pageDir,
          htmlFile: join(outDir, pageDir, pagePath),
          pdfFile: join(outDir, 'pdf', `${names[index] ?? ''}.${lang}.pdf`),
        };
      })),
    );
  }
  refuseCollisions(pages, input.root);
  return pages;
}

/** Two sources whose pages or PDFs would be the same file (`index.md` beside the front page `README.md`). */
function refuseCollisions(pages: readonly SitePage[], root: string): void {
  for (const key of ['htmlFile', 'pdfFile'] as const) {
    const seen = new Map<string, SitePage>();
    for (const page of pages) {
      const earlier = seen.get(page[key]);
      if (earlier !== undefined && earlier.sourceFile !== page.sourceFile) {
        const name = (file: string): string => shown(relative(root, file) || file);
        throw new UsageError(
          `the sources ${name(earlier.sourceFile)} and ${name(page.sourceFile)} would both be rendered as ${name(page[key])}` +
            (key === 'htmlFile'
              ? " (the first source is each language's index.html); leave one out of the sources or rename it"
              : '; give the first source another PDF name with --name, or rename one'),
        );
      }
      seen.set(page[key], page);
    }
  }
}

async function sourcePages(
  input: SitePlanInput,
  source: SiteSource,
  page: (lang: string, isSource: boolean, markdownFile: string) => SitePage,
): Promise<SitePage[]> {
  if (!source.pattern.includes('{lang}')) {
    throw new UsageError(
      `--pattern must contain {lang}, as in 'locales/README.{lang}.md', not '${shown(source.pattern)}'`,
    );
  }
  const sourceFile = resolve(input.root, source.source);
  if (!(await exists(sourceFile))) {
    throw new UsageError(
      `the source ${sourceFile} does not exist; pass --source <file> (default: README.md)`,
    );
  }
  const langs = input.langs ?? (await findLanguageFiles(input.root, source.pattern));
  for (const lang of langs) {
    if (!isLanguageTag(lang))
      throw new UsageError(`'${shown(lang)}' is not a language code; use codes such as fr, pt-BR`);
  }
  const pages = [page(input.sourceLang, true, sourceFile)];
  for (const lang of langs.filter((code) => code !== input.sourceLang)) {
    const file = resolve(input.root, source.pattern.replaceAll('{lang}', lang));
    if (!(await exists(file))) throw new TranslationMissingError(lang, relative(input.root, file) || file);
    pages.push(page(lang, false, file));
  }
  return pages;
}

/** `docs/usage.md` → `docs/usage.html`, relative to a language's folder. */
function htmlPath(path: string): string {
  return `${path.slice(0, path.length - extname(path).length)}.html`;
}

/**
 * The PDFs' base names: the file's name without extension (`README`), or, when two sources have the
 * same name, the path with `-` for `/` (`docs-guide-index`), as release assets are one flat list.
 */
function pdfNames(sources: readonly SiteSource[], paths: readonly string[]): string[] {
  const plain = (path: string): string => posix.basename(path, posix.extname(path));
  const taken = sources.map((source, index) => source.name ?? plain(paths[index] ?? ''));
  return sources.map((source, index) => {
    const name = taken[index] ?? '';
    if (source.name !== undefined || taken.filter((other) => other === name).length === 1) return name;
    const path = paths[index] ?? '';
    return path.slice(0, path.length - posix.extname(path).length).replaceAll('/', '-');
  });
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Where a page is in the site, as a URL path without the leading `/`: `fr/docs/usage.html`. */
export function sitePath(outDir: string, page: SitePage): string {
  return relative(outDir, page.htmlFile).split(sep).join('/');
}
