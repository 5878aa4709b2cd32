import type { Nodes, PhrasingContent, Root } from 'mdast';
import { withCodeSpans } from './code-spans.js';
import { frontMatterValues } from './front-matter.js';
import { forEachHtmlRun } from './html-units.js';
import { addPhrasing, type InlineContext } from './inline-units.js';
import { findDefinitionTitle } from './link-parts.js';
import { createLineIndex } from './line-index.js';
import { childrenRange, nodeRange } from './node-range.js';
import { findPhrasingBars } from './phrasing-bars.js';
import { findSwitcher } from './switcher.js';
import { UnitBuilder, type Protector } from './unit-builder.js';
import type { Range, Unit, UnitKind } from './unit.js';
import { skipChildren, walkTree } from './walk-tree.js';

// A GitHub alert marker stays on its own line, untranslated: `> [!NOTE]`.
const alertMarker = /^\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*\r?\n[ \t>]*/i;

/** Blocks that are never prose: code, math, front matter, link reference definitions. */
const skipped = new Set(['code', 'math', 'yaml', 'toml', 'definition', 'thematicBreak']);

/**
 * Finds every block that may hold prose: paragraphs, headings, table cells, the runs of HTML between
 * block tags, and (nested in those) image alt texts and link titles, each flagged with whether it has
 * prose. Units never overlap except by nesting. A bar element with nothing to translate (`[Docker](…)`
 * in a navigation bar) is no block: its source stays as it is, and it goes to `keptElements`, for
 * the review of the names kept as written.
 */
export function extractUnits(
  text: string,
  tree: Root,
  protect: Protector,
  frontMatterKeys: readonly string[] = [],
  keptElements: Unit[] = [],
): Unit[] {
  const lineOf = createLineIndex(text);
  const switcher = findSwitcher(text);
  const newBuilder = () => new UnitBuilder(text, protect);
  const units: Unit[] = [];

  const plainUnit = (kind: UnitKind, range: Range): Unit => {
    const builder = kind === 'frontMatter' ? newBuilder() : new UnitBuilder(text, withCodeSpans(protect));
    builder.addText(range.start, range.end);
    return builder.finish(kind, range, lineOf(range.start));
  };

  const complete = (builder: UnitBuilder, kind: UnitKind, range: Range, into: Unit[]) => {
    into.push(builder.finish(kind, range, lineOf(range.start)));
  };

  const phrasingUnit = (kind: UnitKind, children: readonly PhrasingContent[], into: Unit[]) => {
    const content = childrenRange(children);
    if (!content) return;
    let range = content;
    const marker = kind === 'paragraph' ? alertMarker.exec(text.slice(range.start, range.end)) : null;
    if (marker) range = { start: range.start + marker[0].length, end: range.end };
    if (range.start >= range.end) return;
    const kept = children.filter((child) => nodeRange(child).end > range.start);
    const pieces = findPhrasingBars(kept, text, range) ?? [{ children: kept, range, element: false }];
    for (const piece of pieces) {
      if (piece.range.start >= piece.range.end) continue;
      const builder = newBuilder();
      const context: InlineContext = {
        source: text,
        nestedUnit: (nestedKind, nestedRange) => {
          builder.nested.push(plainUnit(nestedKind, nestedRange));
        },
      };
      addPhrasing(piece.children, builder, context, piece.range);
      if (!piece.element || builder.hasProse() || builder.nested.length > 0)
        complete(builder, kind, piece.range, into);
      else complete(builder, kind, piece.range, keptElements);
      // A bar link's title lies outside its text: a unit of its own, not one nested in a placeholder.
      if (piece.title) into.push(plainUnit('title', piece.title));
    }
  };

  walkTree<Nodes>(tree, (node) => {
    if (node.type === 'yaml' || (node.type as string) === 'toml') {
      for (const value of frontMatterValues(text, node, frontMatterKeys)) {
        units.push(plainUnit('frontMatter', value.range));
      }
    }
    if (node.type === 'definition' && node.title) {
      const { start, end } = nodeRange(node);
      const title = findDefinitionTitle(text, start, end);
      if (title) units.push(plainUnit('title', title));
    }
    if (skipped.has(node.type)) return skipChildren;
    if (switcher && node.position) {
      const { start, end } = nodeRange(node);
      if (start >= switcher.start && end <= switcher.end) return skipChildren;
    }
    if (node.type === 'paragraph') phrasingUnit('paragraph', node.children, units);
    else if (node.type === 'heading') phrasingUnit('heading', node.children, units);
    else if (node.type === 'tableCell') phrasingUnit('tableCell', node.children, units);
    else if (node.type === 'html') {
      forEachHtmlRun(
        text,
        nodeRange(node),
        newBuilder,
        (builder, range) => complete(builder, 'html', range, units),
        (range, into) => (into ? into.nested : units).push(plainUnit('attribute', range)),
      );
    } else return undefined;
    return skipChildren;
  });
  return units;
}

/** Every unit, nested ones included, in document order. */
export function flattenUnits(units: readonly Unit[]): Unit[] {
  const all: Unit[] = [];
  const add = (unit: Unit) => {
    all.push(unit);
    for (const nested of unit.nested) add(nested);
  };
  for (const unit of units) add(unit);
  return all;
}

/** The units to translate: blocks with prose, those without handing on the prose nested in them. */
export function proseUnits(blocks: readonly Unit[]): Unit[] {
  return blocks.flatMap((unit) =>
    unit.prose ? [{ ...unit, nested: proseUnits(unit.nested) }] : proseUnits(unit.nested),
  );
}

/**
 * Blocks without prose that hold a word of the `terms:` setting (a heading `## Swarm`, a table cell,
 * an alt text, a bar's `[Swarm](swarm.md)`) become units, so that a language with a translation of
 * the term writes it there too; one with nothing else to translate is never sent (`needsEngine` in
 * tagged-text.ts). Bar elements
 * that do so move from `keptElements` to the blocks, in document order.
 */
export function unitsForTerms(
  text: string,
  blocks: readonly Unit[],
  keptElements: readonly Unit[],
  terms: ReadonlySet<string>,
): { blocks: Unit[]; keptElements: Unit[] } {
  if (terms.size === 0) return { blocks: [...blocks], keptElements: [...keptElements] };
  const holdsTerm = (unit: Unit) =>
    [...unit.xs.values()].some((range) => terms.has(text.slice(range.start, range.end)));
  const promote = (unit: Unit): Unit => {
    const nested = unit.nested.map(promote);
    const prose = unit.prose || holdsTerm(unit);
    return prose === unit.prose && nested.every((each, index) => each === unit.nested[index])
      ? unit
      : { ...unit, prose, nested };
  };
  const promoted = keptElements.filter(holdsTerm).map((unit) => ({ ...unit, prose: true }));
  const all = blocks.map(promote);
  return {
    blocks: promoted.length === 0 ? all : [...all, ...promoted].sort((a, b) => a.range.start - b.range.start),
    keptElements: keptElements.filter((unit) => !holdsTerm(unit)),
  };
}
