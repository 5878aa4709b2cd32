import { common, createStarryNight } from '@wooorm/starry-night';
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

type StarryNight = Awaited<ReturnType<typeof createStarryNight>>;

// Loading the grammars and the regex engine costs ~100 ms: do it once per process.
let starryNight: Promise<StarryNight> | undefined;

/** Starts loading the grammars now (while the browser starts), for the first code block to find them ready. */
export function warmHighlighter(): void {
  starryNight ??= createStarryNight(common);
}

/** The `language-x` of a `code` element, if any. */
export function codeLanguage(code: Element): string | undefined {
  const classes = code.properties['className'];
  if (!Array.isArray(classes)) return undefined;
  const flag = classes.map(String).find((name) => name.startsWith('language-'));
  return flag?.slice('language-'.length);
}

/** Highlights fenced code with GitHub's own grammars (`pl-*` classes that github-markdown-css styles). */
export function rehypeHighlightCode() {
  return async (tree: Root): Promise<undefined> => {
    const blocks: Element[] = [];
    visit(tree, 'element', (node: Element, _index, parent) => {
      if (node.tagName === 'code' && parent?.type === 'element' && parent.tagName === 'pre')
        blocks.push(node);
    });
    if (blocks.length === 0) return undefined;
    warmHighlighter();
    const highlighter = await (starryNight as Promise<StarryNight>);
    for (const code of blocks) {
      const language = codeLanguage(code);
      if (language === undefined || language === 'mermaid' || language === 'math') continue;
      const scope = highlighter.flagToScope(language);
      if (scope === undefined) continue;
      code.children = highlighter.highlight(toString(code), scope).children as ElementContent[];
    }
    return undefined;
  };
}
