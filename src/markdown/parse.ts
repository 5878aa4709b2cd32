import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// One processor for the whole process: building it is the costly part of a small parse.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkMath);

/** Parses Markdown as GitHub does (GFM, front matter, math), keeping source offsets on every node. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
