import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHere, tempProject } from '../helpers/cli.js';

// Issue 16: alert titles came from a table of 21 languages, every other language got English.
// Now `translate` sends the titles as units of their own, kept in each language's memory, and
// `render` takes them from there (a person's fix in the PO file first).

const readme = [
  '# Demo',
  '',
  '> [!NOTE]',
  '> Read this first.',
  '',
  'A paragraph.',
  '',
  '```md',
  '> [!TIP]',
  '> Not an alert: code.',
  '```',
  '',
  '> [!WARNING]',
  '> Do not run it twice.',
  '',
].join('\n');

const titlesOf = (folder: string, page: string): string[] =>
  [
    ...readFileSync(join(folder, page), 'utf8').matchAll(
      /<p class="markdown-alert-title"[^>]*><svg[^>]*>.*?<\/svg>([^<]*)<\/p>/g,
    ),
  ].map((match) => match[1] as string);

describe('alert titles', () => {
  it('are translated as units, kept in the memory, fixed there by hand, and shown in every language', async () => {
    const folder = tempProject();
    writeFileSync(join(folder, 'README.md'), readme);
    const dryRun = await runCliHere(
      'translate',
      ['--lang', 'en-XA', '--engine', 'pseudo', '--dry-run'],
      folder,
    );
    expect(dryRun.stdout).toBe(
      'en-XA: locales/README.en-XA.md — would send 6 units (63 characters) in 1 requests; 0 from memory\n',
    );
    const pseudo = await runCliHere('translate', ['--lang', 'en-XA', '--engine', 'pseudo', '--json'], folder);
    expect(JSON.parse(pseudo.stdout)).toMatchObject({ units: 6, unitsUnique: 6, unitsSent: 6 });
    const apertium = await runCliHere(
      'translate',
      ['--lang', 'ca', '--engine', 'apertium', '--json'],
      folder,
    );
    expect(apertium.status, apertium.stderr).toBe(0);
    const po = readFileSync(join(folder, 'locales/en-XA.po'), 'utf8');
    expect(po).toContain('#: README.md:3\n#. readme-i18n: engine=pseudo');
    expect(po).toMatch(/\nmsgid "Note"\nmsgstr "Ñóţé··"\n/);
    expect(po).toMatch(/\nmsgid "Warning"\nmsgstr "Ŵáŕñíñĝ···"\n/);
    expect(po).not.toContain('msgid "Tip"');
    // Nothing left to send: the next run sends nothing, and check agrees.
    const again = await runCliHere(
      'translate',
      ['--lang', 'en-XA,ca', '--engine', 'pseudo', '--json'],
      folder,
    );
    expect(
      again.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).unitsSent),
    ).toEqual([0, 0]);
    expect((await runCliHere('readme-i18n', ['check'], folder)).stdout).toBe(
      'ca: up to date (6 units, locales/README.ca.md)\nen-XA: up to date (6 units, locales/README.en-XA.md)\n',
    );

    const render = async () => {
      const result = await runCliHere('readme-i18n', ['render', '--html'], folder);
      expect(result.status, result.stderr).toBe(0);
    };
    await render();
    // en-XA is in no table: the engine's titles. ca is: its reviewed title beats Apertium's "Avisant".
    expect(titlesOf(folder, 'docs/en-XA/index.html')).toEqual(['Ñóţé··', 'Ŵáŕñíñĝ···']);
    expect(readFileSync(join(folder, 'locales/ca.po'), 'utf8')).toMatch(
      /\nmsgid "Warning"\nmsgstr "Avisant"\n/,
    );
    expect(titlesOf(folder, 'docs/ca/index.html')).toEqual(['Nota', 'Advertiment']);
    expect(titlesOf(folder, 'docs/index.html')).toEqual(['Note', 'Warning']);

    // A person's fix in the PO file wins, and a later translate keeps it.
    const caPo = join(folder, 'locales/ca.po');
    writeFileSync(caPo, readFileSync(caPo, 'utf8').replace('msgstr "Avisant"', 'msgstr "Avís"'));
    const enPo = join(folder, 'locales/en-XA.po');
    writeFileSync(enPo, readFileSync(enPo, 'utf8').replace('msgstr "Ñóţé··"', 'msgstr "Ñöţé"'));
    await render();
    expect(titlesOf(folder, 'docs/ca/index.html')).toEqual(['Nota', 'Avís']);
    expect(titlesOf(folder, 'docs/en-XA/index.html')).toEqual(['Ñöţé', 'Ŵáŕñíñĝ···']);
    const kept = await runCliHere('translate', ['--lang', 'ca', '--engine', 'apertium', '--json'], folder);
    expect(JSON.parse(kept.stdout)).toMatchObject({ unitsSent: 0 });
    expect(readFileSync(caPo, 'utf8')).toMatch(/\nmsgid "Warning"\nmsgstr "Avís"\n/);
  }, 60_000);
});
