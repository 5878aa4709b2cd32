import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { codeLanguage } from './highlight-code.js';

/** Turns Mermaid sources into SVG documents; undefined for a diagram that could not be drawn. */
export type DiagramRenderer = (sources: readonly string[]) => Promise<ReadonlyArray<string | undefined>>;

/**
 * Replaces each ```mermaid block with its diagram as an `<img>` of an SVG data URL: an image cannot
 * run script or fetch anything, so the document page stays inert. Without a renderer, or when a
 * diagram fails, the source stays as a code block marked `readme-i18n-diagram-source`.
 */
export function rehypeMermaid(render: DiagramRenderer | undefined) {
  return async (tree: Root): Promise<undefined> => {
    const blocks: Array<{ pre: Element; source: string }> = [];
    visit(tree, 'element', (node: Element) => {
      const code = node.tagName === 'pre' ? node.children.find(isElement) : undefined;
      if (code?.tagName === 'code' && codeLanguage(code) === 'mermaid')
        blocks.push({ pre: node, source: toString(code) });
    });
    if (blocks.length === 0) return undefined;
    const svgs = render ? await render(blocks.map((block) => block.source)) : [];
    blocks.forEach(({ pre }, index) => {
      const svg = svgs[index];
      if (svg === undefined) {
        pre.properties = { ...pre.properties, className: ['readme-i18n-diagram-source'] };
        return;
      }
      const size = svgSize(svg);
      pre.tagName = 'p';
      pre.properties = { className: ['readme-i18n-diagram'] };
      pre.children = [
        {
          type: 'element',
          tagName: 'img',
          properties: {
            src: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
            alt: 'Diagram',
            ...(size ? { width: size.width, height: size.height } : {}),
          },
          children: [],
        },
      ];
    });
    return undefined;
  };
}

function isElement(node: Element['children'][number]): node is Element {
  return node.type === 'element';
}

/** Width and height from the root `viewBox`: Mermaid writes `width="100%"`, which an `<img>` cannot size. */
function svgSize(svg: string): { width: number; height: number } | undefined {
  const match = /<svg[^>]*\sviewBox="[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/.exec(svg);
  if (!match) return undefined;
  return { width: Math.ceil(Number(match[1])), height: Math.ceil(Number(match[2])) };
}
