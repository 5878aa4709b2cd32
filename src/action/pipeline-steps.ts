import { relative, resolve } from 'node:path';
import { outputPath } from '../pipeline/outputs.js';
import { runTranslate, type LanguageReport } from '../pipeline/translate.js';
import { resolveTranslateOptions } from '../pipeline/translate-options.js';
import type { SummaryLanguage } from '../publish/job-summary.js';
import { renderSite, type RenderReport } from '../render/render-site.js';
import type { ActionSettings } from './action-settings.js';

/**
 * The small seam between the Action and the translate and render steps, so that a change of their
 * signatures is absorbed here.
 */
export interface TranslatedLanguage extends SummaryLanguage {
  readonly keptSource: number;
  /** The translation memory file, relative to the repository. */
  readonly memory: string;
}

/** Each language's figures (its sources added up), and the reports they came from, as they are done. */
export async function translateStep(
  settings: ActionSettings,
  onReport: (report: LanguageReport) => void,
  langs?: readonly string[],
): Promise<TranslatedLanguage[]> {
  const options = langs === undefined ? settings.translate : { ...settings.translate, langs };
  const memory = resolveTranslateOptions(options).memory;
  const result = await runTranslate(options, { onLanguage: onReport });
  const byLang = new Map<string, TranslatedLanguage>();
  for (const report of result.languages) {
    const earlier = byLang.get(report.lang);
    byLang.set(report.lang, {
      lang: report.lang,
      file: earlier?.file ?? report.file,
      memory: outputPath(memory, report.lang),
      units: (earlier?.units ?? 0) + report.units,
      keptSource: (earlier?.keptSource ?? 0) + report.keptSource,
      translated: (earlier?.translated ?? 0) + report.unitsSent,
      fromMemory: (earlier?.fromMemory ?? 0) + report.fromMemory,
      byHand: (earlier?.byHand ?? 0) + report.byHand,
      charactersBilled: (earlier?.charactersBilled ?? 0) + report.charsBilled,
      pdf: undefined,
    });
  }
  return [...byLang.values()];
}

export interface RenderedSite {
  /** Every PDF (one per source and language), paths relative to the repository. */
  readonly pdfs: readonly string[];
  /** Each language's PDFs, the first source's first, relative to the repository. */
  readonly pdfsByLang: ReadonlyMap<string, readonly string[]>;
  readonly report: RenderReport;
}

export async function renderStep(
  cwd: string,
  settings: ActionSettings,
  options: { executablePath?: string | undefined; repositoryUrl?: string | undefined } = {},
): Promise<RenderedSite> {
  const { render } = settings;
  const report = await renderSite({
    root: cwd,
    sources: render.sources,
    sourceLang: render.sourceLang,
    outDir: render.siteDir,
    html: render.html,
    pdf: render.pdf,
    allowRemote: render.allowRemote,
    memory: settings.translate.memory,
    executablePath: options.executablePath,
    repositoryUrl: options.repositoryUrl,
  });
  const pdfs: string[] = [];
  const pdfsByLang = new Map<string, string[]>();
  // The report lists the first source's pages first.
  for (const page of report.pages) {
    if (page.pdf === undefined) continue;
    const pdf = relative(cwd, resolve(cwd, page.pdf));
    pdfs.push(pdf);
    pdfsByLang.set(page.lang, [...(pdfsByLang.get(page.lang) ?? []), pdf]);
  }
  return { pdfs, pdfsByLang, report };
}
