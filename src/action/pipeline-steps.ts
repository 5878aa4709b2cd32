import { relative, resolve } from 'node:path';
import { outputPath } from '../pipeline/outputs.js';
import { runTranslate } from '../pipeline/translate.js';
import { resolveTranslateOptions } from '../pipeline/translate-options.js';
import type { SummaryLanguage } from '../publish/job-summary.js';
import { renderSite } from '../render/render-site.js';
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

export async function translateStep(settings: ActionSettings): Promise<TranslatedLanguage[]> {
  const options = settings.translate;
  const memory = resolveTranslateOptions(options).memory;
  const result = await runTranslate(options);
  return result.languages.map((report) => ({
    lang: report.lang,
    file: report.file,
    memory: outputPath(memory, report.lang),
    units: report.units,
    keptSource: report.keptSource,
    translated: report.unitsSent,
    fromMemory: report.fromMemory,
    byHand: report.byHand,
    charactersBilled: report.charsSent,
    pdf: undefined,
  }));
}

export interface RenderedSite {
  /** PDFs by language, paths relative to the repository. */
  readonly pdfs: ReadonlyMap<string, string>;
}

export async function renderStep(cwd: string, settings: ActionSettings): Promise<RenderedSite> {
  const { render } = settings;
  const report = await renderSite({
    root: cwd,
    source: render.source,
    sourceLang: render.sourceLang,
    pattern: render.pattern,
    outDir: render.siteDir,
    html: render.html,
    pdf: render.pdf,
    allowRemote: render.allowRemote,
  });
  const pdfs = new Map<string, string>();
  for (const page of report.pages) {
    if (page.pdf !== undefined) pdfs.set(page.lang, relative(cwd, resolve(cwd, page.pdf)));
  }
  return { pdfs };
}

/** Every path the Action may commit: the translations, their memories and the site folder. */
export function ownedPaths(settings: ActionSettings, languages: readonly TranslatedLanguage[]): string[] {
  return [...languages.flatMap((language) => [language.file, language.memory]), settings.render.siteDir];
}
