import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownFacts } from '../helpers/markdown-facts.js';
import { identity, localesFrench, pseudo, sameFolder, translateText } from '../helpers/translate-document.js';

const word = fc.constantFrom(
  'alpha',
  'Beta',
  'gamma',
  'XAPI',
  'qemu-img',
  '/etc/xen',
  'xl.cfg',
  'été',
  '日本語',
  'émoji 🚀',
  '42',
  'a_b',
);
const inline = fc.oneof(
  word,
  word.map((w) => `**${w}**`),
  word.map((w) => `*${w}*`),
  word.map((w) => `_${w}_`),
  word.map((w) => `~~${w}~~`),
  word.map((w) => `\`${w}\``),
  word.map((w) => `[${w}](docs/${encodeURIComponent(w)}.md "T ${w}")`),
  word.map((w) => `![${w}](img/${encodeURIComponent(w)}.png)`),
  word.map((w) => `<b>${w}</b>`),
  fc.constantFrom(
    '&copy;',
    '\\*',
    ':rocket:',
    '<br>',
    '[^1]',
    '$x^2$',
    'https://example.com',
    '<https://example.com>',
    '  ',
    '|',
  ),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const line = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
const block = fc.oneof(
  line,
  fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((text) => `- ${text}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.map((text) => `> ${text}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
  fc
    .tuple(line, line)
    .map(([a, b]) => `| ${a.replace(/\|/g, '\\|')} | b |\n| --- | --- |\n| ${b.replace(/\|/g, '\\|')} | c |`),
  line.map((text) => `<p align="center">\n  ${text}\n</p>`),
  line.map((text) => `<details>\n<summary>${text}</summary>\n\n${text}\n</details>`),
  line.map((text) => `\`\`\`sh\n${text}\n\`\`\``),
  fc.constant('---'),
  fc.constant('[^1]: A footnote.'),
);
const document = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean())
  // A document that opens with `---` is front matter territory, where a switcher on top changes its meaning.
  .filter(([blocks]) => blocks[0] !== '---')
  .map(([blocks, crlf, bom]) => {
    const text = `${blocks.join('\n\n')}\n`;
    return (bom ? '\uFEFF' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
  });

describe('properties', () => {
  it('the identity engine returns every generated document unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (input) => {
        const result = await translateText(input, identity, sameFolder);
        expect(result.text).toBe(input);
      }),
      { numRuns: 1000 },
    );
  });

  it('the identity engine returns any text unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (input) => {
        const result = await translateText(input, identity, sameFolder);
        expect(result.text).toBe(input);
      }),
      { numRuns: 1000 },
    );
  });

  it('a pseudo translation keeps code, and as many strong, emphasis, links and headings', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (input) => {
        const result = await translateText(input, pseudo, localesFrench);
        const before = markdownFacts(input);
        const after = markdownFacts(result.text);
        const { link, strong, html, ...rest } = after.counts;
        const source = before.counts;
        expect(result.keptSource).toEqual([]);
        expect({ link: (link ?? 0) - 1, strong: (strong ?? 0) - 1, html: (html ?? 0) - 2, ...rest }).toEqual(
          source,
        );
        expect(after.code).toEqual(before.code);
        expect(after.inlineCode).toEqual(before.inlineCode);
      }),
      { numRuns: 300 },
    );
  });
});
