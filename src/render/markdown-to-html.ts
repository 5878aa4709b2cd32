import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import rehypeKatex from 'rehype-katex';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGemoji from 'remark-gemoji';
import remarkGfm from 'remark-gfm';
import { remarkAlert } from 'remark-github-blockquote-alert';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { checkMarkdownLimits } from '../markdown/parse-limits.js';
import { visit } from 'unist-util-visit';
import { rehypeAlertTitles, type RememberedTitles } from './alert-titles.js';
import { rehypeFragmentLinks } from './fragment-links.js';
import { rehypeHighlightCode } from './highlight-code.js';
import { rehypeLocalResources, type ResourceResolver } from './local-resources.js';
import { rehypeMermaid, type DiagramRenderer, type DiagramSyntaxError } from './mermaid-blocks.js';
import { githubSchema } from './sanitize-schema.js';

export interface MarkdownHtml {
  /** The sanitised body, to go inside `<article class="markdown-body">`. */
  readonly html: string;
  /** The same body as a tree, for the variant printed to PDF. */
  readonly tree: Root;
  /** Text of the first non-empty `h1` (else of any heading), if there is one. */
  readonly title: string | undefined;
  /** Whether KaTeX output is present, so the page needs KaTeX's stylesheet. */
  readonly hasMath: boolean;
  /** Mermaid diagrams whose source Mermaid refused: they stay as source. */
  readonly diagramErrors: readonly DiagramSyntaxError[];
}

export interface MarkdownHtmlOptions {
  /** The page's language: alert titles are written in it. */
  readonly lang: string;
  /** Alert titles from the language's memory (default: none, the table's or English). */
  readonly alertTitles?: RememberedTitles | undefined;
  readonly resources: ResourceResolver;
  /** Draws Mermaid diagrams; without it they stay as source. */
  readonly diagrams?: DiagramRenderer | undefined;
}

/**
 * GitHub-flavoured Markdown to safe HTML. Sanitising runs on everything the author wrote (raw HTML
 * included) and before our own additions (slugs, highlighting, KaTeX, diagrams), so those are
 * trusted output that the schema never has to allow.
 */
export async function markdownToHtml(markdown: string, options: MarkdownHtmlOptions): Promise<MarkdownHtml> {
  let title: string | undefined;
  let hasMath = false;
  const diagramErrors: DiagramSyntaxError[] = [];
  const processor = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(remarkGfm)
    .use(remarkGemoji)
    .use(remarkMath)
    .use(remarkAlert)
    // No prefix here: sanitising prefixes every id once, footnotes included.
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
    .use(rehypeRaw)
    .use(rehypeSanitize, githubSchema)
    .use(rehypeSlug)
    .use(rehypeAlertTitles, options.lang, options.alertTitles)
    .use(rehypeFragmentLinks)
    .use(rehypeLocalResources, options.resources)
    .use(() => (tree: Root) => {
      title = findTitle(tree);
      visit(tree, 'element', (node: Element) => {
        const classes = node.properties['className'];
        if (Array.isArray(classes) && classes.includes('language-math')) hasMath = true;
      });
    })
    .use(rehypeKatex, { strict: false })
    .use(rehypeMermaid, options.diagrams, (error: DiagramSyntaxError) => diagramErrors.push(error))
    .use(rehypeHighlightCode);
  // What would take the parser minutes, or nest deeper than the tree's walkers go, is refused first.
  checkMarkdownLimits(markdown);
  const tree = await processor.run(processor.parse(markdown));
  return { html: toHtml(tree), tree, title, hasMath, diagramErrors };
}

function findTitle(tree: Root): string | undefined {
  const headings: Element[] = [];
  visit(tree, 'element', (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName)) headings.push(node);
  });
  const texts = headings.map((heading) => ({ level: heading.tagName, text: toString(heading).trim() }));
  return (texts.find((h) => h.level === 'h1' && h.text !== '') ?? texts.find((h) => h.text !== ''))?.text;
}
