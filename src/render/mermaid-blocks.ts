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

/** Draws Mermaid sources as images: Mermaid's error for a source it refuses, undefined when none could be drawn. */
export type DiagramRenderer = (
  sources: readonly string[],
) => Promise<ReadonlyArray<DiagramImage | { readonly error: string } | undefined>>;

/** A diagram Mermaid refused: the line of its fence in the Markdown, and Mermaid's message. */
export interface DiagramSyntaxError {
  readonly line: number | undefined;
  readonly message: string;
}

/**
 * Replaces each ```mermaid block with its diagram as an `<img>` of an SVG file: an image cannot
 * run script or fetch anything, so the document page stays inert. Without a renderer, or when a
 * diagram fails, the source stays as a code block marked `readme-i18n-diagram-source`.
 */
export function rehypeMermaid(
  render: DiagramRenderer | undefined,
  onError: (error: DiagramSyntaxError) => void = () => undefined,
) {
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
      if (image === undefined || 'error' in image) {
        if (image !== undefined) onError(syntaxError(pre, image.error));
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

/**
 * Mermaid's message on one line, at the line of the diagram's fence. Its own line number is left
 * out: it does not count the lines of the diagram as they are written.
 */
function syntaxError(pre: Element, message: string): DiagramSyntaxError {
  const lines = message.split('\n').map((line) => line.trim());
  const expecting = lines.find((line) => line.startsWith('Expecting'));
  const first = (lines[0] ?? '').replace(/ on line \d+/, '').replace(/:$/, '');
  return {
    line: pre.position?.start.line,
    message: [first, expecting].filter(Boolean).join(': '),
  };
}

function isElement(node: Element['children'][number]): node is Element {
  return node.type === 'element';
}
