import type { Image, ImageReference, Link, LinkReference, PhrasingContent } from 'mdast';
import { tagProseAttributes } from './html-attributes.js';
import { parseTagName, verbatimElements, voidElements } from './html-tags.js';
import { findLabelEnd, findTitle } from './link-parts.js';
import { nodeRange } from './node-range.js';
import type { UnitBuilder } from './unit-builder.js';
import type { Range, UnitKind } from './unit.js';

export interface InlineContext {
  readonly source: string;
  /** Makes a unit of plain text (alt text, a title) nested in the current unit. */
  readonly nestedUnit: (kind: UnitKind, range: Range) => void;
}

const wrapping = new Set(['strong', 'emphasis', 'delete']);

/** Phrasing content being added: a unit's, or a group's inside it. */
interface Frame {
  readonly children: readonly PhrasingContent[];
  readonly range: Range;
  index: number;
  /** Where the text not yet added starts. */
  position: number;
  /** Closes the group the frame's children are in, once they are added. */
  readonly close?: () => void;
}

/**
 * Adds phrasing content to a unit: text stays text, what wraps prose becomes a `<g>` group, and
 * everything else (code, inline HTML, images, math, footnote references) a verbatim `<x/>`. Groups
 * nest as deep as the source nests emphasis and links, so they go on a stack of frames rather than
 * the call stack.
 */
export function addPhrasing(
  children: readonly PhrasingContent[],
  builder: UnitBuilder,
  context: InlineContext,
  range: Range,
): void {
  const frames: Frame[] = [{ children, range, index: 0, position: range.start }];
  const enter = (inner: readonly PhrasingContent[], innerRange: Range, close: () => void) => {
    frames.push({ children: inner, range: innerRange, index: 0, position: innerRange.start, close });
  };
  for (let frame = frames.at(-1); frame !== undefined; frame = frames.at(-1)) {
    const index = frame.index++;
    const child = frame.children[index];
    if (child === undefined) {
      builder.addText(frame.position, frame.range.end);
      frames.pop();
      frame.close?.();
      continue;
    }
    const { start, end } = nodeRange(child);
    builder.addText(frame.position, start);
    frame.position = end;
    if (child.type === 'text')
      builder.addText(Math.max(start, frame.range.start), Math.min(end, frame.range.end));
    else if (wrapping.has(child.type) && 'children' in child && child.children.length > 0) {
      const inner = child.children as PhrasingContent[];
      const first = nodeRange(inner[0] as PhrasingContent).start;
      const last = nodeRange(inner.at(-1) as PhrasingContent).end;
      const id = builder.open(start, first, child.type);
      enter(inner, { start: first, end: last }, () => builder.close(id, last, end));
    } else if (child.type === 'link' || child.type === 'linkReference')
      addLink(child, builder, context, enter);
    else if (child.type === 'image' || child.type === 'imageReference') addImage(child, builder, context);
    else if (child.type === 'break') {
      // The line ending after a hard break belongs to the text, so the container prefix is kept.
      const raw = context.source.slice(start, end);
      const ending = /\r?\n$/.exec(raw)?.[0] ?? '';
      builder.addVerbatim(start, end - ending.length);
      builder.addText(end - ending.length, end);
    } else if (child.type === 'html') {
      const tag = parseTagName(context.source.slice(start, end));
      const name = tag?.name ?? '';
      // An `alt` or `title` of the tag (not of code) is a unit nested in the tag's placeholder.
      const attributes = () => {
        if (tag && !tag.closing && !verbatimElements.has(name))
          for (const value of tagProseAttributes(context.source, { start, end }))
            context.nestedUnit('attribute', value);
      };
      const closing = findClosingHtml(frame.children, index);
      if (closing === undefined) {
        builder.addVerbatim(start, end);
        attributes();
      } else {
        const closeRange = nodeRange(frame.children[closing] as PhrasingContent);
        frame.index = closing + 1;
        frame.position = closeRange.end;
        if (verbatimElements.has(name) || closing === index + 1) {
          builder.addVerbatim(start, closeRange.end);
          attributes();
        } else {
          attributes();
          const id = builder.open(start, end, 'html');
          enter(frame.children.slice(index + 1, closing), { start: end, end: closeRange.start }, () =>
            builder.close(id, closeRange.start, closeRange.end),
          );
        }
      }
    } else builder.addVerbatim(start, end);
  }
}

type Enter = (children: readonly PhrasingContent[], range: Range, close: () => void) => void;

function addLink(
  node: Link | LinkReference,
  builder: UnitBuilder,
  context: InlineContext,
  enter: Enter,
): void {
  const { start, end } = nodeRange(node);
  const children = node.children;
  const first = children[0];
  const last = children.at(-1);
  // Autolinks (`<https://…>`, bare `www.…`) and empty links are not prose.
  if (!first || !last || context.source[start] !== '[') {
    builder.addVerbatim(start, end);
    return;
  }
  const inner = { start: nodeRange(first).start, end: nodeRange(last).end };
  const id = builder.open(start, inner.start, 'link', referenceOf(node, context.source, start, end));
  enter(children, inner, () => {
    builder.close(id, inner.end, end);
    if (node.type === 'link' && node.title) {
      const title = findTitle(context.source, inner.end, end);
      if (title) context.nestedUnit('title', title);
    }
  });
}

/** A reference link's label as written: `foo` in `[text][foo]`, `[foo][]` and `[foo]`. */
function referenceOf(node: Link | LinkReference, source: string, start: number, end: number) {
  if (node.type !== 'linkReference') return undefined;
  const textEnd = findLabelEnd(source, start, end);
  if (textEnd === undefined) return undefined;
  if (node.referenceType !== 'full') return { label: source.slice(start + 1, textEnd), shortcut: true };
  return { label: source.slice(textEnd + 2, end - 1), shortcut: false };
}

function addImage(node: Image | ImageReference, builder: UnitBuilder, context: InlineContext): void {
  const { start, end } = nodeRange(node);
  builder.addVerbatim(start, end);
  const labelEnd = findLabelEnd(context.source, start + 1, end);
  // In `![logo]` and `![logo][]` the alt text is also the label that finds the image: not prose.
  const isLabel = node.type === 'imageReference' && node.referenceType !== 'full';
  if (node.type === 'imageReference' && labelEnd !== undefined)
    builder.references.push(
      isLabel ? context.source.slice(start + 2, labelEnd) : context.source.slice(labelEnd + 2, end - 1),
    );
  if (labelEnd !== undefined && node.alt && !isLabel)
    context.nestedUnit('alt', { start: start + 2, end: labelEnd });
  if (node.type === 'image' && node.title && labelEnd !== undefined) {
    const title = findTitle(context.source, labelEnd, end);
    if (title) context.nestedUnit('title', title);
  }
}

/** The index of the sibling `</name>` that closes the inline tag at `index`, nesting considered. */
function findClosingHtml(children: readonly PhrasingContent[], index: number): number | undefined {
  const node = children[index];
  if (node?.type !== 'html') return undefined;
  const tag = parseTagName(node.value);
  if (!tag || tag.closing || tag.selfClosing || voidElements.has(tag.name)) return undefined;
  let depth = 0;
  for (let next = index + 1; next < children.length; next++) {
    const sibling = children[next];
    if (sibling?.type !== 'html') continue;
    const other = parseTagName(sibling.value);
    if (other?.name !== tag.name) continue;
    if (!other.closing) depth++;
    else if (depth-- === 0) return next;
  }
  return undefined;
}
