import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/markdown/document.js';
import { parseMarkdown } from '../../src/markdown/parse.js';

/** Every node of a tree, parents first. */
function allNodes(tree: Nodes): Nodes[] {
  const nodes: Nodes[] = [tree];
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index] as Nodes;
    if ('children' in node) nodes.push(...(node.children as Nodes[]));
  }
  return nodes;
}

function unpositioned(text: string): string[] {
  return allNodes(parseMarkdown(text))
    .filter((node) => node.position?.start.offset === undefined || node.position.end.offset === undefined)
    .map((node) => node.type);
}

/** The source bytes of each bare address GFM made a link of. */
function literalLinks(text: string): string[] {
  return allNodes(parseMarkdown(text))
    .filter((node) => node.type === 'link')
    .map((node) => text.slice(node.position?.start.offset, node.position?.end.offset));
}

describe('bare addresses found after tokenizing (GFM autolink literals)', () => {
  it('get the source position of their bytes, inside emphasis too', () => {
    const text = 'Write to _someone@example.org_ for help, or *see www.example.com now*.\n';
    expect(unpositioned(text)).toEqual([]);
    expect(literalLinks(text)).toEqual(['someone@example.org', 'www.example.com']);
    const line = '\n\nWrite to _a@b.co_ and _c@d.io_.';
    expect(
      allNodes(parseMarkdown(line))
        .filter((node) => node.type === 'link')
        .map((n) => n.position?.start),
    ).toEqual([
      { line: 3, column: 11, offset: 12 },
      { line: 3, column: 24, offset: 25 },
    ]);
  });

  it('stay plain text where an escape or entity makes the bytes differ from the text', () => {
    const text = '_Tom &amp; Jerry: tom@example.org_ and _a\\*b c@d.io_\n';
    expect(unpositioned(text)).toEqual([]);
    expect(literalLinks(text)).toEqual([]);
  });

  it('keep an address in emphasis out of what an engine is sent', () => {
    const units = parseDocument('Write to _someone@example.org_ for help.\n').units;
    expect(units.map((unit) => unit.tagged)).toEqual(['Write to <g id="1"><x id="2"/></g> for help.']);
  });

  it('never leave a node without a position (property)', () => {
    const piece = fc.constantFrom(
      '_',
      '*',
      '**',
      'someone@example.org',
      'www.example.com',
      'https://x.io/a_b',
      '&amp;',
      '\\_',
      'word',
      ' ',
      '.',
      '\n',
      '[l](u)',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join('');
        expect(unpositioned(text)).toEqual([]);
        expect(() => parseDocument(text)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
