import type { Root } from 'mdast';
import { posix } from 'node:path';
import { Tokenizer, type TokenHandler } from 'parse5';
import { visit } from 'unist-util-visit';
import { explicitAnchors, headingSlugs } from '../../src/markdown/anchors.js';
import { parseMarkdown } from '../../src/markdown/parse.js';

/** Facts about a Markdown text that a faithful translation must keep, read with the real parser. */
export interface MarkdownFacts {
  readonly tree: Root;
  readonly counts: Record<string, number>;
  readonly code: string[];
  readonly inlineCode: string[];
  readonly urls: string[];
  readonly htmlAttributes: Array<[string, string]>;
  readonly anchors: Set<string>;
}

const counted = [
  'strong',
  'emphasis',
  'delete',
  'link',
  'linkReference',
  'image',
  'heading',
  'tableCell',
  'listItem',
  'code',
  'inlineCode',
  'html',
];

export function markdownFacts(text: string): MarkdownFacts {
  const tree = parseMarkdown(text.replace(/^\uFEFF/, ''));
  const counts = Object.fromEntries(counted.map((type) => [type, 0]));
  const code: string[] = [];
  const inlineCode: string[] = [];
  const urls: string[] = [];
  const htmlAttributes: Array<[string, string]> = [];
  visit(tree, (node) => {
    if (node.type in counts) counts[node.type] = (counts[node.type] ?? 0) + 1;
    if (node.type === 'code') code.push(`${node.lang ?? ''}\n${node.value}`);
    if (node.type === 'inlineCode') inlineCode.push(node.value);
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url);
    if (node.type === 'html') htmlAttributes.push(...attributesOf(node.value));
  });
  return {
    tree,
    counts,
    code,
    inlineCode,
    urls,
    htmlAttributes,
    anchors: new Set([...headingSlugs(tree), ...explicitAnchors(tree)]),
  };
}

function attributesOf(html: string): Array<[string, string]> {
  const attributes: Array<[string, string]> = [];
  const ignore = () => undefined;
  const handler: TokenHandler = {
    onStartTag: (token) => {
      for (const attribute of token.attrs)
        attributes.push([`${token.tagName} ${attribute.name}`, attribute.value]);
    },
    onEndTag: ignore,
    onComment: ignore,
    onDoctype: ignore,
    onEof: ignore,
    onCharacter: ignore,
    onNullCharacter: ignore,
    onWhitespaceCharacter: ignore,
  };
  new Tokenizer({ sourceCodeLocationInfo: false }, handler).write(html, true);
  return attributes;
}

/** Where a destination points from a file in `folder`: the repository path, or the URL itself. */
export function resolveUrl(url: string, folder: string): string {
  if (url === '' || url.startsWith('#') || /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('/')) return url;
  return posix.normalize(posix.join(folder, url));
}
