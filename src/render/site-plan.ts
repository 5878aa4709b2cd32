import { access } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { findLanguageFiles } from '../language-files.js';
import { isLanguageTag } from '../language-tag.js';
import { TranslationMissingError } from './errors.js';
import { shown } from '../shown-value.js';

/** One language of the site. Paths are absolute. */
export interface SitePage {
  readonly lang: string;
  readonly isSource: boolean;
  readonly markdownFile: string;
  /** Folder of the page inside the output folder: '' for the source language, else the language code. */
  readonly pageDir: string;
  readonly htmlFile: string;
  readonly pdfFile: string;
}

export interface SitePlanInput {
  readonly root: string;
  readonly source: string;
  readonly sourceLang: string;
  readonly pattern: string;
  /** Languages asked for; undefined means every file that matches the pattern. */
  readonly langs: readonly string[] | undefined;
  readonly outDir: string;
  /** Base name of the PDFs: `<name>.<lang>.pdf`. */
  readonly name: string | undefined;
}

/** The source page first, then one page per translation in the order asked (or sorted). */
export async function planSite(input: SitePlanInput): Promise<SitePage[]> {
  if (!input.pattern.includes('{lang}')) {
    throw new UsageError(
      `--pattern must contain {lang}, as in 'locales/README.{lang}.md', not '${shown(input.pattern)}'`,
    );
  }
  const sourceFile = resolve(input.root, input.source);
  if (!(await exists(sourceFile))) {
    throw new UsageError(
      `the source ${sourceFile} does not exist; pass --source <file> (default: README.md)`,
    );
  }
  const langs = input.langs ?? (await findLanguageFiles(input.root, input.pattern));
  for (const lang of langs) {
    if (!isLanguageTag(lang))
      throw new UsageError(`'${shown(lang)}' is not a language code; use codes such as fr, pt-BR`);
  }
  const name = input.name ?? basename(sourceFile, extname(sourceFile));
  const outDir = resolve(input.root, input.outDir);
  const page = (lang: string, isSource: boolean, markdownFile: string): SitePage => {
    const pageDir = isSource ? '' : lang;
    return {
      lang,
      isSource,
      markdownFile,
      pageDir,
      htmlFile: join(outDir, pageDir, 'index.html'),
      pdfFile: join(outDir, 'pdf', `${name}.${lang}.pdf`),
    };
  };
  const pages = [page(input.sourceLang, true, sourceFile)];
  for (const lang of langs.filter((code) => code !== input.sourceLang)) {
    const file = resolve(input.root, input.pattern.replaceAll('{lang}', lang));
    if (!(await exists(file))) throw new TranslationMissingError(lang, relative(input.root, file) || file);
    pages.push(page(lang, false, file));
  }
  return pages;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
