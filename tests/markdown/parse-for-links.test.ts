import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingSlugs } from '../../src/markdown/anchors.js';
import { findDestinations } from '../../src/markdown/destinations.js';
import { parseMarkdown, parseMarkdownForLinks } from '../../src/markdown/parse.js';

/** What link mapping and heading anchors read of a text, parsed one way. */
function linksAndHeadings(text: string, parse: (text: string) => ReturnType<typeof parseMarkdown>) {
  const tree = parse(text);
  return { destinations: findDestinations(text, tree), slugs: headingSlugs(tree) };
}

const piece = fc.constantFrom(
  'www.example.com',
  'https://example.com/a_(b)?c=d#e.',
  'http://x.io/path).',
  'mailto:someone@example.org',
  'someone@example.org',
  'xmpp:a@b.co/c',
  '[label](docs/a.md#intro)',
  '[www.example.com](https://example.com)',
  '![alt www.x.org](img/a.png "t")',
  '[ref]',
  '[ref][]',
  '<https://auto.link>',
  '<a href="../x.md">x</a>',
  '`www.code.com`',
  '**bold**',
  '_a@b.co_',
  '~~www.s.com~~',
  '\\[x](y)',
  '[a](<b c>)',
  'text',
  'été',
  '(',
  ')',
  ']',
  '[',
  '<',
  '>',
  '#x',
);
const line = fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(' '));
const block = fc.oneof(
  line,
  line.map((text) => `# ${text}`),
  line.map((text) => `## ${text} ##`),
  line.map((text) => `${text}\n---`),
  line.map((text) => `- ${text}\n- ${text}`),
  line.map((text) => `> ${text}`),
  line.map((text) => `| a | b |\n| - | - |\n| ${text} | x |`),
  fc.constant('[ref]: https://example.com/ref "title"'),
  fc.constant('[www]: www.example.com'),
  fc.constant('<div>\n<a href="#x" name="y">www.z.com</a>\n</div>'),
  line.map((text) => `1. ${text}\n\n   ${text}`),
);
const document = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => blocks.join('\n\n'));

describe('parsing for links and headings only', () => {
  it('leaves the bare URLs that only a pass over the text would find as text', () => {
    expect(JSON.stringify(parseMarkdownForLinks('_a@b.co_\n'))).not.toContain('"link"');
    expect(JSON.stringify(parseMarkdown('_a@b.co_\n'))).toContain('"link"');
  });

  it('finds the destinations and heading anchors a full parse finds', () => {
    fc.assert(
      fc.property(document, (text) => {
        // A link that pass makes has no source position: reading a full parse's links throws then.
        let full;
        try {
          full = linksAndHeadings(text, parseMarkdown);
        } catch {
          return;
        }
        expect(linksAndHeadings(text, parseMarkdownForLinks)).toEqual(full);
      }),
      { numRuns: 1000 },
    );
  });

  it('does so on every corpus file', () => {
    const folder = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
    const files = readdirSync(folder).filter((name) => name.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const text = readFileSync(join(folder, name), 'utf8');
      expect(linksAndHeadings(text, parseMarkdownForLinks), name).toEqual(
        linksAndHeadings(text, parseMarkdown),
      );
    }
  });
});
