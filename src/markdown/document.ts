import type { Root } from 'mdast';
import { posix } from 'node:path';
import { explicitAnchors, headingSlugs } from './anchors.js';
import type { Destination } from './destinations.js';
import { createLinkMap, mapDestinations, mapLinks, type FileSlugs, type LinkMap } from './link-map.js';
import { outputLinks, parsedOutputLinks, placeUnits } from './output-links.js';
import { parseMarkdown } from './parse.js';
import { rebuildUnit } from './rebuild.js';
import { joinSourceText, splitSourceText, type SourceText } from './source-text.js';
import { renderOne, spliceUnits } from './splice.js';
import { applySwitcher, renderSwitcher, type SwitcherLink } from './switcher.js';
import { createTermProtector, type TermOptions } from './terms.js';
import type { Range, Unit } from './unit.js';
import { extractUnits, flattenUnits, proseUnits, unitsForTerms } from './units.js';

export interface ParsedDocument extends SourceText {
  readonly tree: Root;
  /** Top-level units, in order; nested ones hang from them. */
  readonly units: readonly Unit[];
  /** Every unit, nested ones included, in document order. */
  readonly allUnits: readonly Unit[];
  /**
   * Every block that may hold prose, with or without, in document order: what pairs a translated
   * file's units with the source's, whatever the translation made of them.
   */
  readonly blocks: readonly Unit[];
  /**
   * Bar elements with nothing to translate (`[Docker](…)` in a navigation bar): no block, their
   * source stays as written; listed for the review of kept names.
   */
  readonly keptElements: readonly Unit[];
  readonly slugs: readonly string[];
  readonly anchors: ReadonlySet<string>;
  /** Where content starts, after any front matter: where a switcher goes. */
  readonly contentStart: number;
}

export interface DocumentOptions extends TermOptions {
  /** Top-level front-matter keys whose string values are translated (default: none). */
  readonly frontMatter?: readonly string[];
}

/** Reads a Markdown file's text (BOM and all) into its units. */
export function parseDocument(raw: string, options: DocumentOptions = {}): ParsedDocument {
  const source = splitSourceText(raw);
  const tree = parseMarkdown(source.text);
  const elements: Unit[] = [];
  const { blocks, keptElements } = unitsForTerms(
    source.text,
    extractUnits(source.text, tree, createTermProtector(tree, options), options.frontMatter, elements),
    elements,
    new Set(options.terms),
  );
  const units = proseUnits(blocks);
  const first = tree.children[0];
  let contentStart = 0;
  if (first && (first.type === 'yaml' || (first.type as string) === 'toml')) {
    const end = first.position?.end.offset ?? 0;
    contentStart = end + (/^(?:[ \t]*\r?\n)+/.exec(source.text.slice(end))?.[0].length ?? 0);
  }
  return {
    ...source,
    tree,
    units,
    allUnits: flattenUnits(units),
    blocks: flattenUnits(blocks),
    keptElements,
    slugs: headingSlugs(tree),
    anchors: explicitAnchors(tree),
    contentStart,
  };
}

export interface KeptSource {
  readonly line: number;
  readonly source: string;
  readonly reason: string;
}

export interface RenderOptions {
  /** The source file's path relative to the repository root, in POSIX form. */
  readonly sourcePath: string;
  /** The output file's path relative to the repository root, in POSIX form. */
  readonly outputPath: string;
  /** Links of the language switcher, or undefined for none. */
  readonly switcher?: readonly SwitcherLink[] | undefined;
  /** Other sources translated into the same language: links to them go to their translations. */
  readonly counterparts?: ReadonlyMap<string, string> | undefined;
  /** Heading anchors of those sources and of their translations: `#fragment` links to them follow. */
  readonly slugs?: ReadonlyMap<string, FileSlugs> | undefined;
}

/**
 * A unit's translation: tagged text from an engine (`termsAs`: kept spans written otherwise in this
 * language, by the source text they stand for, such as the `terms:` setting's translations), Markdown
 * from the memory, or the reason an engine gave up on it (the unit keeps its source text and is reported).
 */
export type UnitTranslation =
  | { readonly tagged: string; readonly termsAs?: ReadonlyMap<string, string> }
  | { readonly markdown: string }
  | { readonly refused: string };

export interface RenderedDocument {
  /** The output file's text, BOM included when the source has one. */
  readonly text: string;
  /** Units whose translation could not be used: they keep their source text. */
  readonly keptSource: readonly KeptSource[];
  /** Each rendered unit's Markdown, links as the source writes them: what the memory keeps. */
  readonly unitTexts: ReadonlyMap<Unit, string>;
  /** How links differ between the source and this output. */
  readonly links: LinkMap;
}

/** A translated document before its links are pointed at the output: what other files need of it. */
export interface SplicedDocument {
  /** The source's text with every unit replaced, links still as the source writes them. */
  readonly text: string;
  /** Anchors of the output's headings, in document order. */
  readonly slugs: readonly string[];
  readonly keptSource: readonly KeptSource[];
  readonly unitTexts: ReadonlyMap<Unit, string>;
  /** Where content starts in `text`, after any (translated) front matter. */
  readonly contentStart: number;
  /** The destinations of `text` (see `findDestinations`), unless it is the source's text. */
  readonly destinations: readonly Destination[] | undefined;
}

/** Replaces every unit by its translation (`translationOf`, or undefined to keep the source). */
export function spliceDocument(
  document: ParsedDocument,
  translationOf: (unit: Unit) => UnitTranslation | undefined,
): SplicedDocument {
  const keptSource: KeptSource[] = [];
  const unitTexts = new Map<Unit, string>();
  const text = document.text;
  // Translated front matter changes length: the switcher goes where the content starts in the output.
  let contentStart = document.contentStart;
  const spliced = spliceUnits(text, document.units, (unit, renderRange) => {
    const out = renderUnit(unit, translationOf(unit), renderRange, text, keptSource);
    unitTexts.set(unit, out);
    if (unit.range.end <= document.contentStart)
      contentStart += out.length - (unit.range.end - unit.range.start);
    return out;
  });
  const placed = spliced === text ? undefined : placeUnits(document.units, unitTexts);
  const links =
    spliced === text
      ? undefined
      : placed
        ? outputLinks(text, document.tree, placed, spliced)
        : parsedOutputLinks(spliced);
  return {
    text: spliced,
    slugs: links === undefined ? document.slugs : links.slugs,
    keptSource,
    unitTexts,
    contentStart,
    destinations: links?.destinations,
  };
}

/**
 * Finishes a spliced document: links to headings pointed at the translated anchors (in this file
 * and, with `options.slugs`, in the other translated files), relative links rebased for the
 * output's folder, and the switcher put in.
 */
export function finishDocument(
  document: ParsedDocument,
  spliced: SplicedDocument,
  options: RenderOptions,
): RenderedDocument {
  const unchanged =
    spliced.destinations === undefined &&
    posix.dirname(options.sourcePath) === posix.dirname(options.outputPath) &&
    (options.counterparts?.size ?? 0) === 0;
  const links = createLinkMap({
    sourceSlugs: document.slugs,
    outputSlugs: spliced.slugs,
    anchors: document.anchors,
    sourcePath: options.sourcePath,
    outputPath: options.outputPath,
    counterparts: options.counterparts,
    slugs: options.slugs,
  });
  let out = unchanged
    ? spliced.text
    : spliced.destinations === undefined
      ? mapLinks(spliced.text, document.tree, links.toOutput)
      : mapDestinations(spliced.text, spliced.destinations, links.toOutput);
  if (options.switcher) {
    out = applySwitcher(
      out,
      renderSwitcher(options.switcher, document.eol),
      document.eol,
      spliced.contentStart,
    );
  }
  return {
    text: joinSourceText(out, document),
    keptSource: spliced.keptSource,
    unitTexts: spliced.unitTexts,
    links,
  };
}

/**
 * Writes a translated document on its own: the source with every unit replaced by its translation
 * (`translationOf` gives it, or undefined to keep the source), then finished (see `finishDocument`).
 */
export function renderDocument(
  document: ParsedDocument,
  translationOf: (unit: Unit) => UnitTranslation | undefined,
  options: RenderOptions,
): RenderedDocument {
  return finishDocument(document, spliceDocument(document, translationOf), options);
}

/**
 * One unit's Markdown as the memory keeps it (links as the source writes them, nested units
 * translated), or undefined when its translation cannot be used.
 */
export function renderUnitAlone(
  document: ParsedDocument,
  unit: Unit,
  translationOf: (unit: Unit) => UnitTranslation | undefined,
): { text: string; kept: readonly KeptSource[] } {
  const kept: KeptSource[] = [];
  const text = renderOne(document.text, unit, (each, renderRange) =>
    renderUnit(each, translationOf(each), renderRange, document.text, kept),
  );
  return { text, kept };
}

function renderUnit(
  unit: Unit,
  translation: UnitTranslation | undefined,
  renderRange: (range: Range) => string,
  text: string,
  keptSource: KeptSource[],
): string {
  if (translation && 'markdown' in translation) return translation.markdown;
  let reason: string;
  if (translation && 'refused' in translation) reason = translation.refused;
  else {
    const terms = translation?.termsAs;
    const rendered =
      terms === undefined || terms.size === 0
        ? renderRange
        : (range: Range) => terms.get(text.slice(range.start, range.end)) ?? renderRange(range);
    const rebuilt = rebuildUnit(unit, translation?.tagged ?? unit.tagged, rendered, text);
    if (rebuilt.ok) return rebuilt.text;
    reason = rebuilt.reason;
  }
  keptSource.push({ line: unit.line, source: unit.source, reason });
  const original = rebuildUnit(unit, unit.tagged, renderRange, text);
  return original.ok ? original.text : text.slice(unit.range.start, unit.range.end);
}
