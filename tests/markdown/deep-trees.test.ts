import fc from 'fast-check';
import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { headingSlugs } from '../../src/markdown/anchors.js';
import { findDestinations } from '../../src/markdown/destinations.js';
import { extractUnits } from '../../src/markdown/units.js';
import { skipChildren, walkTree } from '../../src/markdown/walk-tree.js';
import { identity, sameFolder, translateText } from '../helpers/translate-document.js';

// Far deeper than the call stack goes (about 10,000 frames): what a hostile file nests, the parser
// builds, and our walks over it must not recurse.
const depth = 50_000;

const at = (start: number, end: number) => ({
  start: { line: 1, column: start + 1, offset: start },
  end: { line: 1, column: end + 1, offset: end },
});

/** The tree of `*` × depth, `a`, `*` × depth: emphasis nested `depth` deep, as the parser builds it. */
function nestedEmphasis(): { text: string; tree: Root } {
  const text = `${'*'.repeat(depth)}a${'*'.repeat(depth)}`;
  let inner: PhrasingContent = { type: 'text', value: 'a', position: at(depth, depth + 1) };
  for (let level = depth - 1; level >= 0; level--) {
    inner = { type: 'emphasis', children: [inner], position: at(level, 2 * depth + 1 - level) };
  }
  const paragraph = { type: 'paragraph' as const, children: [inner], position: at(0, text.length) };
  return { text, tree: { type: 'root', children: [paragraph], position: at(0, text.length) } };
}

/** `>` × depth, a space and `a`: blockquotes nested `depth` deep around one paragraph. */
function nestedBlockquotes(): { text: string; tree: Root } {
  const text = `${'>'.repeat(depth)} a`;
  const end = text.length;
  let inner: Nodes = {
    type: 'paragraph',
    children: [{ type: 'text', value: 'a', position: at(end - 1, end) }],
    position: at(end - 1, end),
  };
  for (let level = depth - 1; level >= 0; level--) {
    inner = { type: 'blockquote', children: [inner as never], position: at(level, end) };
  }
  return { text, tree: { type: 'root', children: [inner as never], position: at(0, end) } };
}

const noTerms = () => [];

describe('trees as deep as a hostile file nests them', () => {
  it('are walked in document order without recursion, skipping what the visitor skips', () => {
    const { tree } = nestedBlockquotes();
    let count = 0;
    walkTree<Nodes>(tree, () => void count++);
    expect(count).toBe(depth + 3);
    const order: string[] = [];
    const small: Root = {
      type: 'root',
      children: [
        { type: 'heading', depth: 1, children: [{ type: 'text', value: 'h' }] },
        { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: 'e' }] }] },
      ],
    };
    walkTree<Nodes>(small, (node) => {
      order.push(node.type);
      return node.type === 'heading' ? skipChildren : undefined;
    });
    expect(order).toEqual(['root', 'heading', 'paragraph', 'emphasis', 'text']);
  });

  it('give one unit for emphasis nested 50,000 deep, every group in order', () => {
    const { text, tree } = nestedEmphasis();
    const [unit, ...others] = extractUnits(text, tree, noTerms);
    expect(others).toEqual([]);
    const ids = Array.from({ length: depth }, (_, index) => index + 1);
    expect(unit?.tagged).toBe(
      `${ids.map((id) => `<g id="${id}">`).join('')}a${ids.map(() => '</g>').join('')}`,
    );
    expect(unit?.groups.get(depth)).toEqual({
      open: { start: depth - 1, end: depth },
      close: { start: depth + 1, end: depth + 2 },
      type: 'emphasis',
    });
  });

  it('give the paragraph inside blockquotes nested 50,000 deep', () => {
    const { text, tree } = nestedBlockquotes();
    const units = extractUnits(text, tree, noTerms);
    expect(units.map((unit) => [unit.kind, unit.tagged, unit.range])).toEqual([
      ['paragraph', 'a', { start: text.length - 1, end: text.length }],
    ]);
    expect(findDestinations(text, tree)).toEqual([]);
  });

  it('slug a heading whose text is nested 50,000 deep', () => {
    const { tree } = nestedEmphasis();
    const paragraph = tree.children[0] as Parent;
    const heading: Root = {
      type: 'root',
      children: [{ type: 'heading', depth: 1, children: paragraph.children as PhrasingContent[] }],
    };
    expect(headingSlugs(heading)).toEqual(['a']);
  });
});

describe('identity translation of nested Markdown', () => {
  const leaf = fc.constantFrom('a', 'b c', '`x`', '[l](u)', '<b>t</b>', '![i](p.png)');
  const wrap = fc.constantFrom(
    (text: string) => `*${text}*`,
    (text: string) => `**${text}**`,
    (text: string) => `_${text}_`,
    (text: string) => `~~${text}~~`,
    (text: string) => `[${text}](u)`,
    (text: string) => `<i>${text}</i>`,
  );
  const inline = fc
    .tuple(leaf, fc.array(wrap, { maxLength: 40 }))
    .map(([text, wraps]) => wraps.reduce<string>((inner, apply) => apply(inner), text));
  const container = fc.constantFrom('> ', '- ', '1. ', '* ', '>');
  const line = fc
    .tuple(fc.array(container, { maxLength: 30 }), inline)
    .map(([prefix, text]) => prefix.join('') + text);
  const document = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => `${lines.join('\n')}\n`);

  it('gives back the input byte for byte, however deep it nests', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (markdown) => {
        const out = await translateText(markdown, identity, sameFolder);
        expect(out.text).toBe(markdown);
        expect(out.keptSource).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
