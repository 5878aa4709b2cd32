import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { diagramAlt } from './diagram-alt.js';
import { codeLanguage } from './highlight-code.js';

/** A drawn diagram: the page-relative URL of its SVG file, and its size. */
export interface DiagramImage {
  readonly src: string;
  readonly width: number | undefined;
  readonly height: number | undefined;
}

/** Draws Mermaid sources as images; undefined for a diagram that could not be drawn. */
export type DiagramRenderer = (
  sources: readonly string[],
) => Promise<ReadonlyArray<DiagramImage | undefined>>;

/**
 * Replaces each ```mermaid block with its diagram as an `<img>` of an SVG file: an image cannot
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
    const images = render ? await render(blocks.map((block) => block.source)) : [];
    blocks.forEach(({ pre, source }, index) => {
      const image = images[index];
      if (image === undefined) {
        pre.properties = { ...pre.properties, className: ['readme-i18n-diagram-source'] };
        return;
      }
      pre.tagName = 'p';
      pre.properties = { className: ['readme-i18n-diagram'] };
      pre.children = [
        {
          type: 'element',
          tagName: 'img',
          properties: {
            src: image.src,
            alt: diagramAlt(source),
            ...(image.width === undefined ? {} : { width: image.width }),
            ...(image.height === undefined ? {} : { height: image.height }),
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
