/** What readme-i18n needs to know of HTML elements to find prose among tags. */

/** Elements whose whole content is restored verbatim: code, and what is not prose. */
export const verbatimElements = new Set([
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'script',
  'style',
  'textarea',
  'svg',
  'math',
  'tt',
  'template',
]);

/** Elements that sit inside a sentence; any other element ends a unit. */
export const inlineElements = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'mark',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'br',
  'img',
  'wbr',
  'picture',
  'source',
  'input',
  'label',
  'g-emoji',
]);

export const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

const openTag = /^<([A-Za-z][A-Za-z0-9-]*)(?:\s[^>]*)?>$/s;
const closeTag = /^<\/([A-Za-z][A-Za-z0-9-]*)\s*>$/;

/** The tag name of a single inline HTML tag such as `<b>` or `</b>`, lower case, or undefined. */
export function parseTagName(
  html: string,
): { name: string; closing: boolean; selfClosing: boolean } | undefined {
  const close = closeTag.exec(html);
  if (close?.[1]) return { name: close[1].toLowerCase(), closing: true, selfClosing: false };
  const open = openTag.exec(html);
  if (open?.[1]) return { name: open[1].toLowerCase(), closing: false, selfClosing: html.endsWith('/>') };
  return undefined;
}
