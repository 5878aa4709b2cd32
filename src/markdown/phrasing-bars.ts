import type { PhrasingContent } from 'mdast';
import { parseTagName } from './html-tags.js';
import { isSeparatorText, splitBars, type BarItem } from './link-bars.js';
import { findTitle } from './link-parts.js';
import { nodeRange } from './node-range.js';
import type { Range } from './unit.js';

/** Phrasing content that becomes one unit: a bar element's text, or the rest of a block. */
export interface PhrasingPiece {
  readonly children: readonly PhrasingContent[];
  readonly range: Range;
  /** Whether the piece is an element of a bar (kept only when it has something to translate). */
  readonly element: boolean;
  /** The title of the link whose text the piece is. */
  readonly title?: Range;
}

/**
 * The pieces of a block's phrasing content when it holds a bar (see link-bars.ts): each link's text,
 * each image (its alt text nested), each inline `<a>…</a>`'s content, and the other lines between
 * bars. Undefined when the block has no bar and stays one unit.
 */
export function findPhrasingBars(
  children: readonly PhrasingContent[],
  source: string,
  range: Range,
): PhrasingPiece[] | undefined {
  const items: BarItem[] = [];
  const spans: Array<{ from: number; to: number; element?: PhrasingPiece }> = [];
  const clipped = (node: PhrasingContent) => {
    const { start, end } = nodeRange(node);
    return source.slice(Math.max(start, range.start), Math.min(end, range.end));
  };
  for (let index = 0; index < children.length; index++) {
    const child = children[index] as PhrasingContent;
    const from = index;
    let item: BarItem = { kind: 'other' };
    let element: PhrasingPiece | undefined;
    if (child.type === 'text') item = { kind: isSeparatorText(clipped(child)) ? 'separator' : 'other' };
    else if (child.type === 'break') item = { kind: 'break' };
    else if (child.type === 'image' || child.type === 'imageReference') {
      item = { kind: 'element', prose: false };
      element = { children: [child], range: nodeRange(child), element: true };
    } else if (child.type === 'link' || child.type === 'linkReference') {
      const { start, end } = nodeRange(child);
      const first = child.children[0];
      const last = child.children.at(-1);
      if (first && last && source[start] === '[') {
        const inner = { start: nodeRange(first).start, end: nodeRange(last).end };
        const title = child.type === 'link' && child.title ? findTitle(source, inner.end, end) : undefined;
        item = { kind: 'element', prose: /\p{L}/u.test(source.slice(inner.start, inner.end)) };
        element = { children: child.children, range: inner, element: true, ...(title ? { title } : {}) };
      } else item = { kind: 'element', prose: false };
    } else if (child.type === 'html') {
      const tag = parseTagName(child.value);
      if (child.value.startsWith('<!--')) item = { kind: 'separator' };
      else if (tag?.name === 'br' && !tag.closing) item = { kind: 'break' };
      else if (tag?.name === 'img' && !tag.closing) item = { kind: 'element', prose: false };
      else if (tag?.name === 'a' && !tag.closing && !tag.selfClosing) {
        const closing = findClosingA(children, index);
        if (closing !== undefined) {
          const inner = children.slice(index + 1, closing);
          const content = trimmed(source, {
            start: nodeRange(child).end,
            end: nodeRange(children[closing] as PhrasingContent).start,
          });
          item = { kind: 'element', prose: /\p{L}/u.test(source.slice(content.start, content.end)) };
          element = { children: inner, range: content, element: true };
          index = closing;
        }
      }
    }
    items.push(item);
    spans.push({ from, to: index + 1, ...(element ? { element } : {}) });
  }
  const parts = splitBars(items);
  if (!parts) return undefined;
  return parts.flatMap((part): PhrasingPiece[] => {
    const covered = spans.slice(part.from, part.to);
    if (part.bar) return covered.flatMap((span) => (span.element ? [span.element] : []));
    const inner = children.slice(covered[0]?.from ?? 0, covered.at(-1)?.to ?? 0);
    const first = nodeRange(inner[0] as PhrasingContent).start;
    const last = nodeRange(inner.at(-1) as PhrasingContent).end;
    const content = trimmed(source, { start: Math.max(first, range.start), end: Math.min(last, range.end) });
    return [{ children: inner, range: content, element: false }];
  });
}

/** The index of the sibling `</a>` closing the `<a>` at `index`, nesting considered. */
function findClosingA(children: readonly PhrasingContent[], index: number): number | undefined {
  let depth = 0;
  for (let next = index + 1; next < children.length; next++) {
    const sibling = children[next];
    if (sibling?.type !== 'html') continue;
    const tag = parseTagName(sibling.value);
    if (tag?.name !== 'a') continue;
    if (!tag.closing) depth++;
    else if (depth-- === 0) return next;
  }
  return undefined;
}

function trimmed(source: string, range: Range): Range {
  let { start, end } = range;
  while (start < end && /\s/.test(source[start] ?? '')) start++;
  while (end > start && /\s/.test(source[end - 1] ?? '')) end--;
  return { start, end };
}
