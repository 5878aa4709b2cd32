import type { Heading, Nodes, Root } from 'mdast';
import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { headings, headingSlugs, headingText, slugsOf } from './anchors.js';
import { findDestinations, htmlDestinations, type Destination } from './destinations.js';
import { inlineDestinations, isTagLine } from './inline-links.js';
import { nodeRange, childrenRange } from './node-range.js';
import { parseMarkdownForLinks } from './parse.js';
import { checkMarkdownLimits } from './parse-limits.js';
import type { Range, Unit } from './unit.js';
import { skipChildren, walkTree } from './walk-tree.js';

/** What link mapping reads of a translated file: its heading anchors and its link destinations. */
export interface OutputLinks {
  /** Anchors of the output's headings, in document order. */
  readonly slugs: readonly string[];
  /** Every destination of the output (see `findDestinations`), in order. */
  readonly destinations: readonly Destination[];
}

/** A unit as spliced into the output: where its text starts there. */
export interface PlacedUnit {
  readonly unit: Unit;
  /** Its offset in the output. */
  readonly at: number;
  readonly text: string;
}

/**
 * Where each top-level unit's text (`texts`, as spliced) starts in the output, in order; undefined
 * when one was not spliced.
 */
export function placeUnits(
  units: readonly Unit[],
  texts: ReadonlyMap<Unit, string>,
): PlacedUnit[] | undefined {
  const placed: PlacedUnit[] = [];
  let shift = 0;
  for (const unit of [...units].sort((a, b) => a.range.start - b.range.start)) {
    const text = texts.get(unit);
    if (text === undefined) return undefined;
    placed.push({ unit, at: unit.range.start + shift, text });
    shift += text.length - (unit.range.end - unit.range.start);
  }
  return placed;
}

/** The output parsed in full: always right, and what `outputLinks` must give. */
export function parsedOutputLinks(output: string): OutputLinks {
  const tree = parseMarkdownForLinks(output);
  return { slugs: headingSlugs(tree), destinations: findDestinations(output, tree) };
}

/**
 * The links and anchors of a spliced output (`output`: the source with each top-level unit of
 * `placed` replaced by its text, in order), read from the source's tree and the units' texts, the
 * headings that changed parsed alone; the output parsed in full whenever a unit's text might make
 * the output parse otherwise than the source around it (see docs/notes/check-fast-path.md).
 */
export function outputLinks(
  source: string,
  tree: Root,
  placed: readonly PlacedUnit[],
  output: string,
): OutputLinks {
  // What the full parse refuses, refused the same.
  checkMarkdownLimits(output);
  return fastOutputLinks(source, tree, placed, output) ?? parsedOutputLinks(output);
}

type Leaf = Extract<Nodes, { type: 'paragraph' | 'heading' | 'tableCell' | 'html' | 'definition' | 'yaml' }>;

interface SourceFacts {
  /** Blocks that hold units, in order; they never overlap. */
  readonly leaves: readonly Leaf[];
  readonly headings: readonly Heading[];
  readonly headingTexts: readonly string[];
  readonly destinations: readonly Destination[];
  /** Every link reference definition, as written, one a line; undefined when one spans lines. */
  readonly definitions: string | undefined;
  /** The labels defined, normalised as micromark compares them. */
  readonly defined: ReadonlySet<string>;
}

const factsOf = new WeakMap<Root, SourceFacts>();

function sourceFacts(source: string, tree: Root): SourceFacts {
  const known = factsOf.get(tree);
  if (known) return known;
  const leaves: Leaf[] = [];
  const defined = new Set<string>();
  let definitions: string | undefined = '';
  walkTree<Nodes>(tree, (node) => {
    if (node.type === 'code' || node.type === 'math' || (node.type as string) === 'toml') return skipChildren;
    if (
      node.type === 'paragraph' ||
      node.type === 'heading' ||
      node.type === 'tableCell' ||
      node.type === 'html' ||
      node.type === 'definition' ||
      node.type === 'yaml'
    ) {
      leaves.push(node);
      if (node.type === 'definition') {
        defined.add(normalizeIdentifier(node.label ?? node.identifier));
        const { start, end } = nodeRange(node);
        const written = source.slice(start, end);
        definitions =
          definitions === undefined || /[\r\n]/.test(written) ? undefined : `${definitions}${written}\n`;
      }
      return skipChildren;
    }
    return undefined;
  });
  const all = headings(tree);
  const facts: SourceFacts = {
    leaves,
    headings: all,
    headingTexts: all.map(headingText),
    destinations: findDestinations(source, tree),
    definitions,
    defined,
  };
  factsOf.set(tree, facts);
  return facts;
}

// A line that could open a block, or end or turn the block before it, in a paragraph or table.
const blockStart =
  /^(?:$|[ \t]|#|>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|```|~~~|<|\$\$|\||[-=*_:|+ \t]+$)/;

/**
 * Whether a line of a unit's text could start a block. Of HTML, only what starts an HTML block: at
 * a paragraph's start (`first`) also a line that is one whole tag (`<a href="x">` alone), but not
 * inline HTML (`<strong>Get involved</strong>`, `<br>`).
 */
function startsBlock(line: string, first: boolean): boolean {
  if (!line.startsWith('<')) return blockStart.test(line);
  return rawHtml.test(line) || blockHtml.test(line) || /[\v\f]/.test(line) || (first && isTagLine(line));
}
const alertMarker = /^\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*\r?\n[ \t>]*$/i;
const blankLine = /\n[ \t]*(?:\r?\n|$)/;
const plainHeading = /^[^\s\\`*_~[\]<>!&#$|](?:[^\\`*_~[\]<>!&#$|\r\n]*[^\s\\`*_~[\]<>!&#$|])?$/;
const literalUrl = /https?:\/\/|www\./i;
// HTML blocks that end at a marker with `>` (`-->`, `</pre>`…), not at a blank line.
const rawHtml = new RegExp(`^<(?:(?:${htmlRawNames.join('|')})(?:[ \\t>]|\\r?\\n|$)|!|\\?)`, 'i');
const blockHtml = new RegExp(`^</?(?:${htmlBlockNames.join('|')})(?:[ \\t>]|/>|\\r?\\n|$)`, 'i');

/**
 * The lines of `text` after its first, each after the line break it starts with, which must be
 * one the unit's source has (the container's prefix with it); undefined when one is not.
 */
function linesOf(text: string, unit: Unit): string[] | undefined {
  const lines: string[] = [];
  for (let index = text.search(/[\r\n]/); index !== -1;) {
    const lineBreak = unit.breaks.find((each) => each !== '' && text.startsWith(each, index));
    if (lineBreak === undefined) return undefined;
    const start = index + lineBreak.length;
    const next = text.slice(start).search(/[\r\n]/);
    lines.push(text.slice(start, next === -1 ? text.length : start + next));
    index = next === -1 ? -1 : start + next;
  }
  return lines;
}

/** The output offset of a source offset outside every unit. */
function outputOffset(placed: readonly PlacedUnit[], offset: number): number {
  let low = 0;
  let high = placed.length - 1;
  let before: PlacedUnit | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const each = placed[middle] as PlacedUnit;
    if (each.unit.range.end <= offset) {
      before = each;
      low = middle + 1;
    } else high = middle - 1;
  }
  return before === undefined ? offset : offset + before.at + before.text.length - before.unit.range.end;
}

/** The leaf holding `range`, from `from` on (leaves and units both in order). */
function leafAt(leaves: readonly Leaf[], range: Range, from: number): number {
  let index = from;
  while (index < leaves.length && nodeRange(leaves[index] as Leaf).end < range.end) index++;
  const leaf = leaves[index];
  return leaf !== undefined && nodeRange(leaf).start <= range.start ? index : -1;
}

/** `outputLinks` without parsing the output, or undefined when it cannot be sure of them. */
export function fastOutputLinks(
  source: string,
  tree: Root,
  placed: readonly PlacedUnit[],
  output: string,
): OutputLinks | undefined {
  const facts = sourceFacts(source, tree);
  const found: Destination[] = [];
  // Source ranges whose destinations are read again from the output.
  const replaced: Range[] = [];
  const changedHeadings = new Set<Leaf>();
  const plainHeadings = new Map<Leaf, string>();
  const changedHtml = new Set<Leaf>();
  let leafIndex = 0;
  for (const { unit, at, text } of placed) {
    if (!output.startsWith(text, at)) return undefined;
    if (text === source.slice(unit.range.start, unit.range.end)) continue;
    leafIndex = leafAt(facts.leaves, unit.range, leafIndex);
    const leaf = facts.leaves[leafIndex];
    if (leaf === undefined) return undefined;
    const lines = linesOf(text, unit);
    if (lines === undefined) return undefined;
    if (leaf.type === 'heading') {
      if (lines.length > 0) return undefined;
      const content = childrenRange(leaf.children);
      const { start, end } = nodeRange(leaf);
      // All of an ATX heading's text, in words alone: the heading's text is the translation's.
      if (
        content?.start === unit.range.start &&
        content.end === unit.range.end &&
        plainHeading.test(text) &&
        !literalUrl.test(text) &&
        !/[\r\n]/.test(source.slice(start, end))
      ) {
        plainHeadings.set(leaf, text);
        replaced.push(unit.range);
      } else changedHeadings.add(leaf);
    } else if (leaf.type === 'html') {
      const { start } = nodeRange(leaf);
      const raw = source.slice(start, unit.range.start);
      // On the block's first line, text could change whether it is an HTML block at all.
      const firstLine = !/[\r\n]/.test(raw) && !blockHtml.test(source.slice(start));
      if (
        blankLine.test(text) ||
        (firstLine && /[<>"'`\r\n]/.test(text)) ||
        (rawHtml.test(source.slice(start)) && text.includes('>'))
      )
        return undefined;
      changedHtml.add(leaf);
    } else if (leaf.type === 'paragraph' || leaf.type === 'tableCell') {
      const content = childrenRange(leaf.children);
      if (
        content === undefined ||
        text === '' ||
        [text.split(/\r?\n/, 1)[0] as string, ...lines].some((line, index) => startsBlock(line, index === 0))
      )
        return undefined;
      // A paragraph that starts `[label]:` is a link reference definition.
      if (
        (text.startsWith('[') && text.includes(']:')) ||
        text.endsWith('\\') ||
        (leaf.type === 'tableCell' && /[|\r\n]/.test(text))
      )
        return undefined;
      const whole =
        unit.range.end === content.end &&
        (unit.range.start === content.start ||
          alertMarker.test(source.slice(content.start, unit.range.start)));
      if (whole) {
        const inside = inlineDestinations(text, facts.defined);
        if (inside === undefined) return undefined;
        for (const range of inside)
          found.push({
            url: text.slice(range.start, range.end),
            range: { start: at + range.start, end: at + range.end },
          });
        replaced.push(unit.range);
      } else if (
        /[[\]<>`\\!$|\r\n]|:\/\/|www\./i.test(text) ||
        (unit.kind === 'title' && /["'()]/.test(text))
      )
        // A piece of a line (a link's text in a bar, its title): plain text only.
        return undefined;
      else replaced.push(unit.range);
    } else if (leaf.type === 'definition') {
      if (unit.kind !== 'title' || /["'()\\<>[\]\r\n]/.test(text)) return undefined;
    } else if (leaf.type === 'yaml') {
      if (/[\r\n]/.test(text)) return undefined;
    } else return undefined;
  }
  for (const leaf of [...changedHeadings, ...changedHtml]) replaced.push(nodeRange(leaf));
  replaced.sort((a, b) => a.start - b.start);

  for (const leaf of changedHtml) {
    const { start, end } = nodeRange(leaf);
    const from = outputOffset(placed, start);
    found.push(...htmlDestinations(output.slice(from, outputOffset(placed, end)), from));
  }
  const texts = facts.headings.map((heading, index) =>
    changedHeadings.has(heading) ? '' : (plainHeadings.get(heading) ?? (facts.headingTexts[index] as string)),
  );
  if (changedHeadings.size > 0) {
    const parsed = parseHeadings(placed, output, [...changedHeadings], facts.definitions);
    if (parsed === undefined) return undefined;
    found.push(...parsed.destinations);
    for (const [index, heading] of facts.headings.entries()) {
      const text = parsed.texts.get(heading);
      if (text !== undefined) texts[index] = text;
    }
  }
  let next = 0;
  for (const destination of facts.destinations) {
    const { start, end } = destination.range;
    while (next < replaced.length && (replaced[next] as Range).end <= start) next++;
    const around = replaced[next];
    if (around !== undefined && around.start < end) {
      if (around.start <= start && end <= around.end) continue;
      return undefined;
    }
    const from = outputOffset(placed, start);
    found.push({ url: destination.url, range: { start: from, end: from + end - start } });
  }
  return { slugs: slugsOf(texts), destinations: found.sort((a, b) => a.range.start - b.range.start) };
}

/**
 * The changed headings parsed together, each on its own, after the document's definitions (a
 * `[reference]` in a heading is text or a link by them); undefined unless each reads as the same
 * kind of heading it was.
 */
function parseHeadings(
  placed: readonly PlacedUnit[],
  output: string,
  changed: readonly Leaf[],
  definitions: string | undefined,
): { texts: Map<Leaf, string>; destinations: Destination[] } | undefined {
  if (definitions === undefined) return undefined;
  let text = definitions;
  const pieces: Array<{ leaf: Leaf; at: number; from: number; length: number }> = [];
  for (const leaf of changed) {
    const { start, end } = nodeRange(leaf);
    const from = outputOffset(placed, start);
    const line = output.slice(from, outputOffset(placed, end));
    if (/[\r\n]/.test(line) || line.includes('[^')) return undefined;
    text += '\n';
    pieces.push({ leaf, at: text.length, from, length: line.length });
    text += `${line}\n`;
  }
  let tree: Root;
  try {
    tree = parseMarkdownForLinks(text);
  } catch {
    return undefined;
  }
  const found = tree.children.filter((node) => node.type !== 'definition');
  if (found.length !== pieces.length) return undefined;
  const texts = new Map<Leaf, string>();
  for (const [index, piece] of pieces.entries()) {
    const node = found[index] as Nodes;
    const { start, end } = nodeRange(node);
    if (
      node.type !== 'heading' ||
      node.depth !== (piece.leaf as Heading).depth ||
      start !== piece.at ||
      end !== piece.at + piece.length
    )
      return undefined;
    texts.set(piece.leaf, headingText(node));
  }
  const destinations: Destination[] = [];
  let index = 0;
  for (const destination of findDestinations(text, tree)) {
    while (
      index < pieces.length &&
      (pieces[index] as (typeof pieces)[number]).at + (pieces[index] as (typeof pieces)[number]).length <=
        destination.range.start
    )
      index++;
    const piece = pieces[index];
    if (piece === undefined || destination.range.start < piece.at) continue;
    const shift = piece.from - piece.at;
    destinations.push({
      url: destination.url,
      range: { start: destination.range.start + shift, end: destination.range.end + shift },
    });
  }
  return { texts, destinations };
}
