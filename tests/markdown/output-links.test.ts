import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, spliceDocument } from '../../src/markdown/document.js';
import { fastOutputLinks, parsedOutputLinks, placeUnits } from '../../src/markdown/output-links.js';
import type { Unit } from '../../src/markdown/unit.js';

/** The source with each unit's text given by `translate` (Markdown, as the memory holds it). */
function splice(source: string, translate: (unit: Unit, index: number) => string | undefined) {
  const document = parseDocument(source);
  const spliced = spliceDocument(document, (unit) => {
    const markdown = translate(unit, document.allUnits.indexOf(unit));
    return markdown === undefined ? undefined : { markdown };
  });
  const placed = placeUnits(document.units, spliced.unitTexts);
  const fast = placed && fastOutputLinks(document.text, document.tree, placed, spliced.text);
  return { document, spliced, fast };
}

const word = fc.constantFrom(
  'word',
  'été',
  'Docs',
  'x',
  '日本',
  '🏛️',
  'a_b',
  '*em*',
  '**strong**',
  '~~del~~',
);
const piece = fc.oneof(
  { weight: 3, arbitrary: word },
  fc.constantFrom(
    '[a](b.md)',
    '[a](docs/a.md#intro "title")',
    "[a](x 'y')",
    '[a]( spaced.md )',
    '[a](wiki/Harmony_(toolkit))',
    '![i](j.png)',
    '[![i](j.svg)](k)',
    '[a]',
    '[a][b]',
    '[a][]',
    '[la FAQ][r]',
    '[r][]',
    '[R]',
    '[a][r](x.md)',
    '![i][r]',
    '[![i][r]](k)',
    '[^1]',
    '[x]: /def',
    ']: x',
    '](x)',
    '[',
    ']',
    '(',
    ')',
    '`',
    '``',
    '`code`',
    '`[x](y)`',
    '`a | b`',
    '<b>',
    '</b>',
    '<a href="z.md">',
    '<a href="z.md"\ntitle="t">',
    '</a>',
    '<img src="p.png" alt="q">',
    '<your_name>',
    '<https://auto.link/x>',
    '<me@example.org>',
    '< 3',
    '<!-- c -->',
    '<!--',
    '-->',
    '$m$',
    '$$',
    'https://e.com/[a](b)',
    'www.x.com/a',
    'me@example.org',
    '\\',
    '\\[',
    '\\`',
    '\\|',
    '|',
    '"',
    "'",
    '&amp;',
    '&#91;',
    ' ',
    '\t',
    '#',
    ' #',
    '!',
    '\n',
    '\n\n',
    '\n# H',
    '\n- item',
    '\n1. one',
    '\n> q',
    '\n---',
    '\n===',
    '\n```',
    '\n    code',
    '\n<div>',
    '\n<br>',
    '\n<br >\n',
    '\n<a href="n.md">',
    '\n<!-- n -->',
    '\n<pre>',
    '<a href="w.md">',
    '\n| - | - |',
    '\r\n',
    '- ',
    '1. ',
    '> ',
    '    ',
    '```',
  ),
);
const translation = fc.array(piece, { minLength: 0, maxLength: 6 }).map((pieces) => pieces.join(''));

const line = fc
  .array(fc.oneof({ weight: 4, arbitrary: word }, piece), { minLength: 1, maxLength: 5 })
  .map((pieces) => pieces.join(' '));
const prose = fc
  .array(fc.oneof(word, fc.constantFrom('[a](b.md)', '`c`', '![i](j.png)', '<b>x</b>', '[r]', '**s**')), {
    minLength: 1,
    maxLength: 5,
  })
  .map((pieces) => pieces.join(' '));
const block = fc.oneof(
  prose,
  line,
  prose.map((text) => `# ${text}`),
  prose.map((text) => `## ${text} ##`),
  prose.map((text) => `${text}\n===`),
  prose.map((text) => `${text}\n${text}`),
  prose.map((text) => `- ${text}\n- ${text}\n  ${text}`),
  prose.map((text) => `1. ${text}\n\n   ${text}`),
  prose.map((text) => `> ${text}\n> ${text}`),
  prose.map((text) => `> [!NOTE]\n> ${text}`),
  prose.map((text) => `| a | b |\n| - | - |\n| ${text} | x |`),
  prose.map((text) => `[Docs](docs.md) · [${text}](b.md) · [Issues](https://x.org/i "Issues")`),
  prose.map((text) => `<div>\n<a href="#x">${text}</a>\n</div>`),
  prose.map((text) => `<p align="center">${text}</p>`),
  prose.map((text) => `<img alt="${text}" src="s.png">`),
  prose.map((text) => `<!-- ${text} -->`),
  fc.constant('[r]: https://example.com/ref "A title"'),
  fc.constant('[b]: other.md'),
  fc.constant('```\n[not](a link)\n```'),
  fc.constant('---'),
);
const document = fc
  .tuple(fc.boolean(), fc.array(block, { minLength: 1, maxLength: 7 }))
  .map(([frontMatter, blocks]) => `${frontMatter ? '---\ntitle: T\n---\n\n' : ''}${blocks.join('\n\n')}\n`);

describe('output links without parsing the output', () => {
  it('are those of the parsed output whenever the fast path answers, for any translation (property)', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        document,
        fc.array(fc.option(translation, { nil: undefined, freq: 3 }), { minLength: 1, maxLength: 12 }),
        (source, translations) => {
          const { spliced, fast } = splice(source, (_, index) => translations[index % translations.length]);
          const full = parsedOutputLinks(spliced.text);
          runs++;
          if (fast !== undefined) {
            answered++;
            expect(fast).toEqual(full);
          }
          // What splicing hands on is the full parse's, fast path or not.
          if (spliced.destinations !== undefined) {
            expect(spliced.destinations).toEqual(full.destinations);
            expect(spliced.slugs).toEqual(full.slugs);
          }
        },
      ),
      { numRuns: 600 },
    );
    // Hostile pieces make many fall back; the fast path must still answer for a good share.
    expect(answered).toBeGreaterThan(runs / 10);
  });

  it('answers for translations made of words, links, code and inline HTML', () => {
    fc.assert(
      fc.property(document, fc.array(prose, { minLength: 1, maxLength: 6 }), (source, translations) => {
        const { spliced, fast } = splice(source, (unit, index) =>
          unit.kind === 'paragraph' || unit.kind === 'heading' || unit.kind === 'tableCell'
            ? translations[index % translations.length]
            : undefined,
        );
        const full = parsedOutputLinks(spliced.text);
        if (fast !== undefined) expect(fast).toEqual(full);
        return true;
      }),
      { numRuns: 200 },
    );
  });
});

describe('the fast path steps aside', () => {
  const cases: Array<[string, string, string]> = [
    ['a translation that makes a link reference definition', 'Hello world.\n', '[x]: /elsewhere'],
    ['a translation that opens a fenced code block', 'Hello world.\n\n[a](b.md)\n', 'Bonjour\n```'],
    ['a translation that opens an HTML comment', 'Hello world.\n\n[a](b.md)\n', 'Bonjour <!-- [c](d)'],
    ['a bare URL that takes a link in', 'See the docs.\n', 'Voir https://e.com/[a](b)'],
    [
      'a reference to a label the document does not define',
      'See [a](b.md).\n\n[r]: r.md\n',
      'Voir [a][x](b.md)',
    ],
    ['a heading made two lines', '# Title\n\nText.\n', 'Titre\n# Autre'],
    ['a table cell given a pipe', '| a | b |\n| - | - |\n| c | d |\n', 'c | e'],
    ['an unclosed link', 'See [a](b.md).\n', 'Voir [a](b.md'],
    ['math', 'Cost is low.\n', 'Coût $[a](b)$'],
    ['a new line that starts a list', 'One line.\n', 'Une\n- ligne'],
    ['a line that starts an HTML block', 'One line.\n', 'Une\n<div>[a](b.md)'],
    ['a paragraph that starts with a tag alone on its line', 'One line.\n', '<a href="x.md">\nligne'],
  ];
  for (const [name, source, translated] of cases) {
    it(name, () => {
      const { spliced, fast } = splice(source, (unit) =>
        unit.kind === 'paragraph' || unit.kind === 'heading' || unit.kind === 'tableCell'
          ? translated
          : undefined,
      );
      expect(fast).toBeUndefined();
      const full = parsedOutputLinks(spliced.text);
      expect(spliced.destinations).toEqual(full.destinations);
      expect(spliced.slugs).toEqual(full.slugs);
    });
  }

  it('and reads inline HTML at a paragraph’s start and a <br> line as inline HTML', () => {
    const source = 'Back to index\nnow\n';
    const { spliced, fast } = splice(source, () => '<strong>[Retour](#index)</strong>\n<br >');
    expect(spliced.text).toBe('<strong>[Retour](#index)</strong>\n<br >\n');
    expect(fast).toEqual({ slugs: [], destinations: [{ url: '#index', range: { start: 17, end: 23 } }] });
    expect(fast).toEqual(parsedOutputLinks(spliced.text));
  });

  it('and reads a reference link to a defined label as no destination (the definition’s is kept)', () => {
    const source = 'Read [the FAQ].\n\n[the faq]: docs/faq.md\n';
    const { spliced, fast } = splice(source, (unit) =>
      unit.kind === 'paragraph' ? 'Lire [la FAQ][the FAQ] et [x](y.md).' : undefined,
    );
    expect(fast).toEqual({
      slugs: [],
      destinations: [
        { url: 'y.md', range: { start: 30, end: 34 } },
        { url: 'docs/faq.md', range: { start: 49, end: 60 } },
      ],
    });
    expect(fast).toEqual(parsedOutputLinks(spliced.text));
  });

  it('and reads HTML in an image’s alt text as alt text, with no destination', () => {
    const source = '> ![i](j.png) word\n';
    const { spliced, fast } = splice(source, (unit) => (unit.kind === 'alt' ? '<a href="z.md">' : undefined));
    expect(spliced.text).toBe('> ![<a href="z.md">](j.png) word\n');
    expect(fast).toEqual({ slugs: [], destinations: [{ url: 'j.png', range: { start: 21, end: 26 } }] });
    expect(fast).toEqual(parsedOutputLinks(spliced.text));
  });

  it('and answers for a translation with links, code, an image in a link and inline HTML, exactly', () => {
    const source =
      '# Install\n\nRead [the guide](docs/guide.md) and `npm i`.\n\n[![b](badge.svg)](ci.yml) <b>now</b>\n';
    const { spliced, fast } = splice(source, (unit) =>
      unit.kind === 'heading'
        ? 'Installer `x`'
        : unit.line === 3
          ? 'Lire [le guide](docs/guide.md "Guide") et `npm i` <a href="x.md">ici</a>.'
          : undefined,
    );
    expect(spliced.text).toBe(
      '# Installer `x`\n\nLire [le guide](docs/guide.md "Guide") et `npm i` <a href="x.md">ici</a>.\n\n[![b](badge.svg)](ci.yml) <b>now</b>\n',
    );
    expect(fast).toEqual({
      slugs: ['installer-x'],
      destinations: [
        { url: 'docs/guide.md', range: { start: 33, end: 46 } },
        { url: 'x.md', range: { start: 76, end: 80 } },
        { url: 'badge.svg', range: { start: 98, end: 107 } },
        { url: 'ci.yml', range: { start: 110, end: 116 } },
      ],
    });
    expect(fast).toEqual(parsedOutputLinks(spliced.text));
  });
});
