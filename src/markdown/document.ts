import type { Root } from 'mdast';
import { posix } from 'node:path';
import { decodeFragment, explicitAnchors, headingSlugs } from './anchors.js';
import { applyEdits, findDestinations } from './destinations.js';
import { parseMarkdown } from './parse.js';
import { rebuildUnit } from './rebuild.js';
import { isRelativeUrl, rebaseUrl } from './relative-url.js';
import { joinSourceText, splitSourceText, type SourceText } from './source-text.js';
import { spliceUnits } from './splice.js';
import { applySwitcher, renderSwitcher, type SwitcherLink } from './switcher.js';
import { createTermProtector, type TermOptions } from './terms.js';
import type { Range, Unit } from './unit.js';
import { extractUnits, flattenUnits } from './units.js';

export interface ParsedDocument extends SourceText {
  readonly tree: Root;
  /** Top-level units, in order; nested ones hang from them. */
  readonly units: readonly Unit[];
  /** Every unit, nested ones included, in document order. */
  readonly allUnits: readonly Unit[];
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
  const units = extractUnits(source.text, tree, createTermProtector(tree, options), options.frontMatter);
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
}

export interface RenderedDocument {
  readonly text: string;
  /** Units whose translation could not be used: they keep their source text. */
  readonly keptSource: readonly KeptSource[];
}

/**
 * Writes a translated document: the source with every unit replaced by its translation
 * (`translationOf` gives the translated tagged text, or undefined to keep the source), then links
 * to headings pointed at the translated anchors, relative links rebased and the switcher put in.
 */
export function renderDocument(
  document: ParsedDocument,
  translationOf: (unit: Unit) => string | undefined,
  options: RenderOptions,
): RenderedDocument {
  const keptSource: KeptSource[] = [];
  const text = document.text;
  // Translated front matter changes length: the switcher goes where the content starts in the output.
  let contentStart = document.contentStart;
  const spliced = spliceUnits(text, document.units, (unit, renderRange) => {
    const translated = translationOf(unit);
    const rebuilt = rebuildUnit(unit, translated ?? unit.tagged, renderRange, text);
    const out = rebuilt.ok ? rebuilt.text : renderSourceOf(unit, renderRange, text);
    if (!rebuilt.ok) keptSource.push({ line: unit.line, source: unit.source, reason: rebuilt.reason });
    if (unit.range.end <= document.contentStart)
      contentStart += out.length - (unit.range.end - unit.range.start);
    return out;
  });
  let out = rewriteLinks(document, spliced, options);
  if (options.switcher)
    out = applySwitcher(
      out,
      renderSwitcher(options.switcher, document.eol),
      document.eol,
      contentStart,
    );
  return { text: joinSourceText(out, document), keptSource };
}

function renderSourceOf(unit: Unit, renderRange: (range: Range) => string, text: string): string {
  const rebuilt = rebuildUnit(unit, unit.tagged, renderRange, text);
  return rebuilt.ok ? rebuilt.text : text.slice(unit.range.start, unit.range.end);
}

/** Points `#fragment` links at the translated headings and rebases relative links for the output's folder. */
function rewriteLinks(document: ParsedDocument, text: string, options: RenderOptions): string {
  const fromDir = posix.dirname(options.sourcePath);
  const toDir = posix.dirname(options.outputPath);
  if (text === document.text && fromDir === toDir) return text;
  const tree = parseMarkdown(text);
  const slugs = headingSlugs(tree);
  const sourceIndex = new Map<string, number>();
  document.slugs.forEach((slug, index) => {
    if (!sourceIndex.has(slug)) sourceIndex.set(slug, index);
  });
  const edits: Array<{ range: Range; text: string }> = [];
  for (const destination of findDestinations(text, tree)) {
    const { url } = destination;
    let rewritten = url;
    if (url.startsWith('#')) {
      const fragment = decodeFragment(url.slice(1));
      const index = document.anchors.has(fragment)
        ? undefined
        : (sourceIndex.get(fragment) ?? sourceIndex.get(fragment.toLowerCase()));
      const target = index === undefined ? undefined : slugs[index];
      if (index !== undefined && target !== undefined && target !== document.slugs[index])
        rewritten = `#${target}`;
    } else if (fromDir !== toDir && isRelativeUrl(url)) rewritten = rebaseUrl(url, fromDir, toDir);
    if (rewritten !== url) edits.push({ range: destination.range, text: rewritten });
  }
  return applyEdits(text, edits);
}
