import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/markdown/document.js';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { expectFile, fixturesRoot } from '../helpers/fixtures.js';
import { pseudo, sameFolder, translateText } from '../helpers/translate-document.js';

const folder = join(fixturesRoot, 'nav-bars');
const project = join(folder, 'project');
const expected = join(folder, 'expected');
const source = readFileSync(join(project, 'README.md'), 'utf8');

/** Real Apertium with Debian's apertium-eng-spa; skipped, saying so, without. */
const hasApertium = existsSync('/usr/share/apertium/modes/eng-spa.mode');
if (!hasApertium) console.warn('Apertium nav bar test skipped: install apertium-eng-spa');

/** The source's bar lines (9 to 13, 16 and 18), with each link's text and title taken out. */
const barLines = [9, 10, 11, 12, 13, 16, 18];

/** The bar lines of `text`, its lines shifted by `shift`, link texts and titles taken out. */
function barSkeleton(text: string, shift: number): string {
  const lines = text.split('\n');
  return barLines
    .map((line) => lines[line - 1 + shift] ?? '')
    .join('\n')
    .replace(/(<a [^>]*>)[^<]*(<\/a>)/g, '$1$2')
    .replace(/\[[^\]]*\]\(/g, '[](')
    .replace(/ "[^"]*"\)/g, ' "")')
    .replaceAll('](../', '](');
}

async function translate(lang: string, engine: string): Promise<string> {
  const folderCopy = tempProject(project);
  const result = await runCliHere('translate', ['--lang', lang, '--engine', engine], folderCopy);
  expect([result.status, result.stderr]).toEqual([0, '']);
  return folderCopy;
}

describe('navigation bars and lists of links', () => {
  it('makes each link of a bar a unit of its own and keeps a sentence with links one unit', () => {
    const units = parseDocument(source).allUnits.map((unit) => `${unit.kind} ${unit.line}: ${unit.tagged}`);
    expectFile(join(expected, 'units.txt'), `${units.join('\n')}\n`);
    // No separator is in any unit; the sentence with two links is one unit, words between them.
    for (const unit of parseDocument(source).allUnits) expect(unit.source).not.toMatch(/&middot;| · | \| /);
    expect(units).toContain(
      'paragraph 22: See <g id="1">the guide</g> and <g id="2">the map format</g> before you open an issue.',
    );
  });

  it('pseudo-translates to the expected output, every separator where the source has it', async () => {
    const output = readFileSync(join(await translate('fr', 'pseudo'), 'locales', 'README.fr.md'), 'utf8');
    expectFile(join(expected, 'README.fr.md'), output);
    // The output has the language switcher's four lines above the source's.
    expect(barSkeleton(output, 4)).toBe(barSkeleton(source, 0));
  });

  it.skipIf(!hasApertium)(
    'Apertium es keeps each link in its place and every separator outside the links',
    async () => {
      const output = readFileSync(join(await translate('es', 'apertium'), 'locales', 'README.es.md'), 'utf8');
      expectFile(join(expected, 'README.es.md'), output);
      // The output has the language switcher's four lines above the source's.
      expect(barSkeleton(output, 4)).toBe(barSkeleton(source, 0));
    },
  );

  it('check reports a hand translation that moves a separator into a link', async () => {
    const translated = await translate('fr', 'pseudo');
    const po = join(translated, 'locales', 'fr.po');
    const text = readFileSync(po, 'utf8');
    const edited = text
      .replace(
        'msgstr "Ŕéþóŕţ Ɓúĝ···"',
        'msgstr "Ŕéþóŕţ Ɓúĝ</a> &middot; <a href=\\"https://example.org/lantern/issues/new?labels=idea\\">Ŕéǫúéšţ"',
      )
      .replace('msgstr "Ǫúíçķ Šţáŕţ····"', 'msgstr "Ǫúíçķ](docs/start.md) · [Šţáŕţ"');
    expect(edited).not.toBe(text);
    writeFileSync(po, edited);
    const check = await runCliHere('readme-i18n', ['check', '--lang', 'fr'], translated);
    expect([check.status, check.stderr]).toEqual([1, '']);
    expect(check.stdout).toBe(
      'fr: line 11 is refused: its translation by hand in the PO file adds the raw HTML <a>; correct it there\n' +
        'fr: line 16 is refused: its translation by hand in the PO file has a stray ] that would end or open a link around it; correct it there\n' +
        'fr: locales/README.fr.md does not match the translation memory (edited by hand, or the source changed); run `readme-i18n translate --lang fr`\n',
    );
  });

  it('any bar, Markdown or HTML: no unit holds a separator, and a translation changes only the link texts', async () => {
    const label = fc.constantFrom('Docs', 'Report Bug', 'Request Feature', 'View Demo', 'Été', '日本語');
    const separator = fc.constantFrom(
      ' · ',
      ' | ',
      ' • ',
      ' / ',
      ' - ',
      ' – ',
      ' — ',
      ', ',
      ' &middot; ',
      '\n&middot;\n',
      ' &bull; ',
      '  ',
    );
    // Inside an HTML block Markdown is text: there, every link is an `<a>`.
    const link = (block: boolean) =>
      fc
        .tuple(label, block ? fc.constant(true) : fc.boolean())
        .map(([text, html]) =>
          html
            ? `<a href="https://example.org/${text.length}">${text}</a>`
            : `[${text}](https://example.org/${text.length})`,
        );
    const bar = fc
      .boolean()
      .chain((block) =>
        fc.tuple(
          fc.array(fc.tuple(link(block), separator), { minLength: 1, maxLength: 5 }),
          link(block),
          fc.constant(block),
        ),
      );
    await fc.assert(
      fc.asyncProperty(bar, async ([pairs, last, block]) => {
        const line = pairs.map(([item, between]) => item + between).join('') + last;
        const input = block ? `<p align="center">\n  ${line}\n</p>\n` : `Intro.\n\n${line}\n`;
        const separators = /&middot;|&bull;|[·|•/–—,]| - /;
        for (const unit of parseDocument(input).allUnits)
          if (unit.line > 1 || block) expect(unit.source).not.toMatch(separators);
        const { text } = await translateText(input, pseudo, sameFolder);
        const skeleton = (markdown: string) =>
          markdown.replace(/(<a [^>]*>)[^<]*(<\/a>)/g, '$1$2').replace(/\[[^\]]*\]\(/g, '[](');
        expect(skeleton(text).replace(/^.*\n/, '')).toBe(skeleton(input).replace(/^.*\n/, ''));
      }),
      { numRuns: 200 },
    );
  });
});
