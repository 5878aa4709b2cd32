import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { isInertSvg } from './diagram-store.js';

/** Elements that run script, embed other documents or carry HTML: removed with their content. */
const removed = new Set([
  'script',
  'foreignobject',
  'iframe',
  'embed',
  'object',
  'handler',
  'listener',
  'audio',
  'video',
]);

/** `url(…)` that points anywhere but inside the document or at an inline image. */
const outsideUrl = /url\(\s*['"]?\s*(?!#|data:image\/)|@import/i;

function keepsUrl(element: Element, url: string): boolean {
  const trimmed = url.trim();
  if (trimmed.startsWith('#') || /^data:image\/(png|jpeg|gif|webp);/i.test(trimmed)) return true;
  return element.tagName === 'a' && /^(https?:|mailto:)/i.test(trimmed);
}

function clean(element: Element): void {
  for (const [name, value] of Object.entries(element.properties)) {
    const lower = name.toLowerCase();
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    const isUrl = /^(?:xlink:?)?href$|^src$/.test(lower);
    if (
      lower.startsWith('on') ||
      (isUrl && !keepsUrl(element, text)) ||
      (lower === 'style' && outsideUrl.test(text))
    )
      delete element.properties[name];
  }
  element.children = element.children.filter((child) => keep(child));
  for (const child of element.children) if (child.type === 'element') clean(child);
}

function keep(node: RootContent): boolean {
  if (node.type === 'comment' || node.type === 'doctype') return false;
  if (node.type !== 'element') return true;
  if (removed.has(node.tagName.toLowerCase())) return false;
  if (node.tagName === 'style')
    return !node.children.some((child) => child.type === 'text' && outsideUrl.test(child.value));
  return true;
}

/**
 * A repository SVG safe to publish with the site, where a reader can open it on its own (and on the
 * site's origin): returned as it is when it can neither run script nor fetch anything, else with
 * the scripts, event handlers, foreign objects and outside references removed. Undefined when even
 * that does not give an inert SVG (the image is then not published).
 */
export function sanitizeSvg(svg: string): string | undefined {
  if (isInertSvg(svg)) return svg;
  const tree: Root = fromHtml(svg, { fragment: true, space: 'svg' });
  const root = tree.children.find(
    (node): node is Element => node.type === 'element' && node.tagName === 'svg',
  );
  if (root === undefined) return undefined;
  clean(root);
  root.properties['xmlns'] ??= 'http://www.w3.org/2000/svg';
  const cleaned = toHtml(root, { space: 'svg', closeEmptyElements: true, tightSelfClosing: true });
  return isInertSvg(cleaned) ? cleaned : undefined;
}
