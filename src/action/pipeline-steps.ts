import { relative, resolve } from 'node:path';
import { outputPath } from '../pipeline/outputs.js';
import { runTranslate } from '../pipeline/translate.js';
import { resolveTranslateOptions, type TranslateOptions } from '../pipeline/translate-options.js';
import type { SummaryLanguage } from '../publish/job-summary.js';
import { renderSite } from '../render/render-site.js';
import type { ActionInputs } from './inputs.js';

/**
 * The small seam between the Action and the translate and render steps, so that a change of their
 * signatures is absorbed here.
 */
export interface TranslatedLanguage extends SummaryLanguage {
  readonly keptSource: number;
  /** The translation memory file, relative to the repository. */
  readonly memory: string;
}

export async function translateStep(cwd: string, inputs: ActionInputs): Promise<TranslatedLanguage[]> {
  const options: TranslateOptions = {
    cwd,
    sources: inputs.source === undefined ? undefined : [inputs.source],
    from: inputs.sourceLanguage,
    langs: inputs.languages,
    engine: inputs.engine,
    out: inputs.output,
    switcher: true,
  };
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

export async function renderStep(cwd: string, inputs: ActionInputs): Promise<RenderedSite> {
  const report = await renderSite({
    root: cwd,
    source: inputs.source,
    sourceLang: inputs.sourceLanguage,
    pattern: inputs.output,
    outDir: inputs.siteDir,
    html: inputs.render.html,
    pdf: inputs.render.pdf,
  });
  const pdfs = new Map<string, string>();
  for (const page of report.pages) {
    if (page.pdf !== undefined) pdfs.set(page.lang, relative(cwd, resolve(cwd, page.pdf)));
  }
  return { pdfs };
}

/** Every path the Action may commit: the translations, their memories and the site folder. */
export function ownedPaths(inputs: ActionInputs, languages: readonly TranslatedLanguage[]): string[] {
  return [...languages.flatMap((language) => [language.file, language.memory]), inputs.siteDir];
}
