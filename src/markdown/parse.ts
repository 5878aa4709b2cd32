import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { checkMarkdownLimits } from './parse-limits.js';

// One processor for the whole process: building it is the costly part of a small parse.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkMath);

/**
 * Parses Markdown as GitHub does (GFM, front matter, math), keeping source offsets on every node.
 * Throws `MarkdownLimitError` first when the text would take the parser minutes (see `markdownLimits`).
 */
export function parseMarkdown(text: string): Root {
  checkMarkdownLimits(text);
  return processor.parse(text);
}
