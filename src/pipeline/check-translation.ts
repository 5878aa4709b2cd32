import { brokenEmojiPieces } from '../markdown/emoji.js';
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../markdown/parse.js';
import { withDefinitions } from '../markdown/reference-links.js';
import type { Unit } from '../markdown/unit.js';

/**
 * Checks a translation written by a person (in the PO file or in a translated README) as an
 * engine's is checked: the same raw HTML tags, the same link targets, the same inline code and the
 * same Markdown shape as the source. Returns why it is refused, or `undefined` when it may be used.
 * A translation with `<script>`, an unclosed `**` or a link pointed elsewhere is never spliced in.
 */
export function refuseTranslation(unit: Unit, markdown: string): string | undefined {
  const broken = brokenEmojiPieces(markdown);
  if (broken.length > brokenEmojiPieces(unit.source).length)
    return `splits an emoji sequence (a stray ${[...(broken[0] ?? '')].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ')})`;
  const html = compareCounts(htmlTags(unit.source), htmlTags(markdown));
  if (html !== undefined) return `${html.extra ? 'adds' : 'drops'} the raw HTML <${html.key}>`;
  const targets = compareCounts(htmlTargets(unit.source), htmlTargets(markdown));
  if (targets !== undefined)
    return `${targets.extra ? 'adds' : 'drops'} the HTML link or image target ${targets.key}`;
  if (unit.kind === 'attribute' && markdown.includes('"'))
    return 'has a " that would end the HTML attribute (write &quot;)';
  if (unit.kind === 'alt' || unit.kind === 'title' || unit.kind === 'html' || unit.kind === 'attribute')
    return undefined;
  const source = shapeOf(withDefinitions(unit.source, unit.references));
  const translation = shapeOf(withDefinitions(markdown, unit.references));
  if (source.blocks !== translation.blocks)
    return `is Markdown of another shape (${translation.blocks || 'nothing'} where the source has ${source.blocks})`;
  const url = compareCounts(source.urls, translation.urls);
  if (url !== undefined)
    return url.extra ? `changes a link target to ${url.key}` : `drops the link target ${url.key}`;
  const reference = compareCounts(source.references, translation.references);
  if (reference !== undefined && !reference.extra)
    return `loses the reference link [${reference.key}] (its text is its label: write [translated text][${reference.key}])`;
  const code = compareCounts(source.code, translation.code);
  if (code !== undefined) return `${code.extra ? 'adds' : 'drops'} the code \`${code.key}\``;
  const stray = compareCounts(source.delimiters, translation.delimiters);
  if (stray !== undefined && stray.extra) return `leaves an unclosed or stray ${stray.key}`;
  const brackets = compareCounts(source.brackets, translation.brackets);
  if (brackets !== undefined && brackets.extra)
    return `has a stray ${brackets.key} that would end or open a link around it`;
  const marks = compareCounts(source.marks, translation.marks);
  if (marks !== undefined) {
    const name = markNames[marks.key] ?? marks.key;
    return `${marks.extra ? 'has more' : 'has fewer'} ${name} than the source (an unclosed or stray delimiter?)`;
  }
  return undefined;
}

/**
 * Whether a translation keeps every reference link and image of its unit (`[la FAQ][the FAQ]`, not
 * `[la FAQ]`, which finds no definition). Machine translations written before such links were kept
 * are checked with it, and sent again when they lost one (see `planLanguage`).
 */
export function keepsReferences(unit: Unit, markdown: string): boolean {
  if (unit.references.length === 0) return true;
  const lost = compareCounts(
    shapeOf(withDefinitions(unit.source, unit.references)).references,
    shapeOf(withDefinitions(markdown, unit.references)).references,
  );
  return lost === undefined || lost.extra;
}

const markNames: Record<string, string> = {
  strong: 'strong emphasis (**)',
  emphasis: 'emphasis (*)',
  delete: 'strikethrough (~~)',
  link: 'links',
  image: 'images',
  linkReference: 'reference links',
  imageReference: 'reference images',
  footnoteReference: 'footnote references',
  break: 'hard line breaks',
  inlineMath: 'math',
};

interface Shape {
  /** The types of the top-level blocks, in order. */
  readonly blocks: string;
  readonly urls: Map<string, number>;
  readonly code: Map<string, number>;
  /** Reference links and images, by label (normalised: `foo` for `[Foo]`). */
  readonly references: Map<string, number>;
  readonly marks: Map<string, number>;
  /** Emphasis and code delimiters left as text: an unclosed `**` shows as such. */
  readonly delimiters: Map<string, number>;
  /**
   * Square brackets left as text: in the text of one link of a navigation bar, `Docs](x) · [Issues`
   * would close the link early and pull the separator and the next link into the sentence.
   */
  readonly brackets: Map<string, number>;
}

function shapeOf(markdown: string): Shape {
  const tree = parseMarkdown(markdown);
  const urls = new Map<string, number>();
  const code = new Map<string, number>();
  const references = new Map<string, number>();
  const marks = new Map<string, number>();
  const delimiters = new Map<string, number>();
  const brackets = new Map<string, number>();
  const stack: Nodes[] = [...tree.children];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if ('url' in node && typeof node.url === 'string') add(urls, node.url);
    if (node.type === 'inlineCode') add(code, node.value);
    if (node.type === 'linkReference' || node.type === 'imageReference') add(references, node.identifier);
    if (node.type === 'text') {
      for (const run of node.value.matchAll(/\*\*|__|~~|`+/g)) add(delimiters, run[0]);
      for (const bracket of node.value.matchAll(/[[\]]/g)) add(brackets, bracket[0]);
    }
    if (node.type in markNames) add(marks, node.type);
    if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return {
    blocks: tree.children.map((node) => node.type).join(', '),
    urls,
    code,
    references,
    marks,
    delimiters,
    brackets,
  };
}

function htmlTags(text: string): Map<string, number> {
  const tags = new Map<string, number>();
  for (const match of text.matchAll(/<\/?([A-Za-z][\w:-]*)(?=[\s/>])[^>]*>/g))
    add(tags, (match[1] as string).toLowerCase());
  return tags;
}

function htmlTargets(text: string): Map<string, number> {
  const targets = new Map<string, number>();
  for (const match of text.matchAll(
    /<[A-Za-z][^>]*?\s(?:href|src|action|formaction)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi,
  ))
    add(targets, (match[1] as string).replace(/^["']|["']$/g, ''));
  return targets;
}

function add(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The first key counted differently, and whether the translation has more of it. */
function compareCounts(
  source: ReadonlyMap<string, number>,
  translation: ReadonlyMap<string, number>,
): { key: string; extra: boolean } | undefined {
  for (const [key, count] of translation) if (count > (source.get(key) ?? 0)) return { key, extra: true };
  for (const [key, count] of source) if (count > (translation.get(key) ?? 0)) return { key, extra: false };
  return undefined;
}
