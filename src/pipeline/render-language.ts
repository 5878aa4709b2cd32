import {
  finishDocument,
  spliceDocument,
  type RenderedDocument,
  type UnitTranslation,
} from '../markdown/document.js';
import type { FileSlugs } from '../markdown/link-map.js';
import type { Unit } from '../markdown/unit.js';
import { switcherLinks, translationPaths } from './outputs.js';
import type { SourceDocument } from './source-document.js';

export interface LanguageSource {
  readonly source: SourceDocument;
  readonly translationOf: (unit: Unit) => UnitTranslation | undefined;
}

export interface LanguageOutputOptions {
  readonly lang: string;
  /** The output pattern (`{dir}/locales/{name}.{lang}.md`). */
  readonly out: string;
  readonly switcher: boolean;
  /** Every source of the run, translated or not this time: links to them go to their translations. */
  readonly sources: readonly SourceDocument[];
}

/**
 * The translations of several sources into one language, together: each is spliced first, so that
 * a link from one file to a heading of another (`usage.md#options`) can follow that heading to its
 * translated anchor (`usage.fr.md#options-fr`), then finished.
 */
export function renderLanguage(
  items: readonly LanguageSource[],
  options: LanguageOutputOptions,
): RenderedDocument[] {
  const counterparts = translationPaths(options.sources, options.out, options.lang);
  const spliced = items.map((item) => spliceDocument(item.source.document, item.translationOf));
  const slugs = new Map<string, FileSlugs>(
    items.map((item, index) => [
      item.source.path,
      { sourceSlugs: item.source.document.slugs, outputSlugs: spliced[index]?.slugs ?? [] },
    ]),
  );
  return items.map((item, index) =>
    finishDocument(item.source.document, spliced[index] as NonNullable<(typeof spliced)[number]>, {
      sourcePath: item.source.path,
      outputPath: counterparts.get(item.source.path) as string,
      switcher: options.switcher ? switcherLinks(options.lang, item.source.languages) : undefined,
      counterparts,
      slugs,
    }),
  );
}
