import type { Root } from 'mdast';
import { fromMarkdown, type Extension } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { positionedLiteralLinks } from './literal-link-positions.js';
import { checkMarkdownLimits } from './parse-limits.js';

// One processor for the whole process: building it is the costly part of a small parse.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkMath)
  .freeze();

/**
 * Parses Markdown as GitHub does (GFM, front matter, math), keeping source offsets on every node.
 * Throws `MarkdownLimitError` first when the text would take the parser minutes (see `markdownLimits`).
 */
export function parseMarkdown(text: string): Root {
  checkMarkdownLimits(text);
  parsing = text;
  try {
    return fromMarkdown(text, {
      extensions: data.micromarkExtensions ?? [],
      mdastExtensions: fullExtensions,
    });
  } finally {
    parsing = '';
  }
}

const autolinkTransforms = new Set(gfmAutolinkLiteralFromMarkdown().transforms);
const data = processor.data();
const extensions = (data.fromMarkdownExtensions ?? []).flat(Infinity) as Extension[];
// The text being parsed, for the autolink transform's positions (parses are synchronous).
let parsing = '';
const fullExtensions = extensions.map((extension): Extension =>
  extension.transforms?.some((each) => autolinkTransforms.has(each))
    ? {
        ...extension,
        transforms: extension.transforms.map((each) =>
          autolinkTransforms.has(each) ? positionedLiteralLinks(each, () => parsing) : each,
        ),
      }
    : extension,
);
const linkExtensions = extensions.map((extension): Extension =>
  extension.transforms?.some((each) => autolinkTransforms.has(each))
    ? { ...extension, transforms: extension.transforms.filter((each) => !autolinkTransforms.has(each)) }
    : extension,
);

/**
 * `parseMarkdown` for what link mapping and heading anchors read (link, image and definition
 * destinations, HTML, heading text), a fifth faster: bare URLs and e-mail addresses in text stay
 * text instead of becoming links (GFM autolink literals). Neither reads them: such a link has no
 * `[label](destination)` and its text is the text it replaces.
 */
export function parseMarkdownForLinks(text: string): Root {
  checkMarkdownLimits(text);
  return fromMarkdown(text, {
    extensions: data.micromarkExtensions ?? [],
    mdastExtensions: linkExtensions,
  });
}
