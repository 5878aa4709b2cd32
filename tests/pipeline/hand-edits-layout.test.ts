import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { expectFile, fixturesRoot } from '../helpers/fixtures.js';

// Issue 11: an edited block is read back as the block the tool wrote there last time, whatever the
// source did since. Two cases that pairing by content and neighbours got wrong: sibling headings a
// character apart, both edited, whose sections move; and headings edited in both places (the PO
// file and the Markdown) next to a deleted section. Apertium, byte for byte.
const fixture = join(fixturesRoot, 'hand-edits-layout', 'source');
const expected = (name: string) => join(fixturesRoot, 'hand-edits-layout', 'expected', name);

const read = (folder: string, file: string) => readFileSync(join(folder, file), 'utf8');
const edit = (folder: string, file: string, from: string, to: string) => {
  const text = read(folder, file);
  if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
  writeFileSync(join(folder, file), text.replace(from, to));
};
const translate = (folder: string) =>
  runCliHere('translate', ['--lang', 'es', '--engine', 'apertium'], folder);
/**
 * The PO file without what changes by itself: the time of the run, and the no-op proof (a digest of
 * this program among others, see unchanged-run.ts).
 */
const memoryOf = (folder: string) =>
  read(folder, 'locales/es.po')
    .replace(/"PO-Revision-Date: [^"]*\\n"/, '"PO-Revision-Date: (date)\\n"')
    .replace(/date=\d{4}-\d\d-\d\d/g, 'date=(day)')
    .replace(/"X-Readme-I18n-State: [^]*?\\n"\n/, '');

async function translated(): Promise<string> {
  const folder = tempProject(fixture);
  const first = await translate(folder);
  expect(first.status, first.stderr).toBe(0);
  return folder;
}

const sections = (folder: string) => {
  const source = read(folder, 'README.md');
  const at = (title: string) => source.indexOf(`## ${title}`);
  return {
    head: source.slice(0, at('Step 1')),
    one: source.slice(at('Step 1'), at('Step 2')),
    two: source.slice(at('Step 2'), at('Step 3')),
    three: source.slice(at('Step 3')),
  };
};

describe('hand edits read back by where the tool wrote them (Apertium)', () => {
  it('keeps each of two sibling headings’ edits with its own section when the sections swap places', async () => {
    const folder = await translated();
    edit(folder, 'locales/README.es.md', '## Paso 1\n', '## Paso 1: instalación\n');
    edit(folder, 'locales/README.es.md', '## Paso 2\n', '## Paso 2: configuración\n');
    const { head, one, two, three } = sections(folder);
    writeFileSync(join(folder, 'README.md'), `${head}${two}${one}${three}`);

    const second = await translate(folder);
    expect([second.status, second.stderr]).toEqual([0, '']);
    expect(second.stdout).toContain('7 from memory (2 by hand)');
    expectFile(expected('siblings-moved.es.md'), read(folder, 'locales/README.es.md'));
    expectFile(expected('siblings-moved.es.po'), memoryOf(folder));
  });

  it('keeps a heading edited in both places next to a deleted section; the deleted one’s edit waits in the PO file, named', async () => {
    const folder = await translated();
    for (const [step, title] of [
      ['1', 'instalación'],
      ['2', 'configuración'],
    ] as const) {
      edit(folder, 'locales/README.es.md', `## Paso ${step}\n`, `## Paso ${step}: ${title}\n`);
      edit(folder, 'locales/es.po', `msgstr "Paso ${step}"`, `msgstr "Paso ${step}.º"`);
    }
    const { head, two, three } = sections(folder);
    writeFileSync(join(folder, 'README.md'), `${head}${two}${three}`);

    const second = await translate(folder);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toBe(
      'readme-i18n: warning: locales/README.es.md:11: edited both there and in locales/es.po (msgid "Step 2"); ' +
        "kept the Markdown's text, and the PO's as a comment of that entry: choose there, or edit the Markdown again\n" +
        'readme-i18n: warning: locales/README.es.md:7: edited by hand, but README.md no longer has its paragraph (msgid "Step 1"); ' +
        'the edit is kept in locales/es.po as an obsolete entry (#~), used again if the paragraph comes back\n',
    );
    expectFile(expected('deleted-next.es.md'), read(folder, 'locales/README.es.md'));
    expectFile(expected('deleted-next.es.po'), memoryOf(folder));
  });

  // A paragraph reworded and moved in the same cycle is still found by likeness: its hand translation
  // becomes the previous translation of the new text (fuzzy, for review), as when it stays in place.
  const moveAndReword = (folder: string) => {
    const { head, one, two, three } = sections(folder);
    const reworded = two.replace('Write the configuration file.', 'Write the configuration file first.');
    writeFileSync(join(folder, 'README.md'), `${head}${one}${three}\n${reworded.trimEnd()}\n`);
  };

  it('offers a hand translation fixed in the PO file for review when its paragraph is reworded and moved', async () => {
    const folder = await translated();
    edit(
      folder,
      'locales/es.po',
      'msgstr "Escribir la lima de configuración."',
      'msgstr "Escribe el archivo de configuración."',
    );
    moveAndReword(folder);

    const second = await translate(folder);
    expect([second.status, second.stderr]).toEqual([0, '']);
    expectFile(expected('reworded-moved-po.es.md'), read(folder, 'locales/README.es.md'));
    expectFile(expected('reworded-moved-po.es.po'), memoryOf(folder));
  });

  it('offers a hand translation fixed in the Markdown for review when its paragraph is reworded and moved, and says so', async () => {
    const folder = await translated();
    edit(
      folder,
      'locales/README.es.md',
      'Escribir la lima de configuración.',
      'Escribe el archivo de configuración.',
    );
    moveAndReword(folder);

    const second = await translate(folder);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toBe(
      'readme-i18n: warning: locales/README.es.md:13: edited by hand, but its paragraph changed in README.md ' +
        '(msgid "Write the configuration file."); the edit is kept in locales/es.po as the previous translation ' +
        "beside the new text's, marked fuzzy for review\n",
    );
    expectFile(expected('reworded-moved-md.es.md'), read(folder, 'locales/README.es.md'));
    expectFile(expected('reworded-moved-md.es.po'), memoryOf(folder));
  });

  // Cells repeat in a table: an edit of one `yes` goes to `yes` (it went to a `no` of the row above
  // once the rows moved), read back by its row.
  it('keeps an edit of a repeated table cell with its own unit when the rows move and one is added', async () => {
    const folder = tempProject();
    const table = (rows: readonly string[]) =>
      `# Matrix\n\n| Feature | Linux | macOS | Windows |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n\nThe end of the page.\n`;
    const install = '| Install | yes | yes | no |';
    const update = '| Update | no | yes | yes |';
    const remove = '| Remove | yes | no | yes |';
    writeFileSync(join(folder, 'README.md'), table([install, update, remove]));
    expect((await translate(folder)).status).toBe(0);
    edit(
      folder,
      'locales/README.es.md',
      '| Actualización | Ningún | Sí | Sí |',
      '| Actualización | Ningún | Sí, siempre | Sí |',
    );
    writeFileSync(join(folder, 'README.md'), table([install, remove, '| Purge | no | no | yes |', update]));

    const second = await translate(folder);
    expect([second.status, second.stderr]).toEqual([0, '']);
    expectFile(expected('table-cell.es.md'), read(folder, 'locales/README.es.md'));
    expectFile(expected('table-cell.es.po'), memoryOf(folder));
  });

  // Both edited cells of the row are dropped (the row is gone from the source): one warning, counted.
  it('names the edits of one table row it cannot place once, with their count', async () => {
    const folder = tempProject();
    const table = (rows: readonly string[]) =>
      `# Matrix\n\n| Feature | Linux | Windows | BSD |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n\nThe end.\n`;
    writeFileSync(
      join(folder, 'README.md'),
      table(['| Install | yes | no | yes |', '| Update | yes | no | yes |']),
    );
    expect((await translate(folder)).status).toBe(0);
    edit(
      folder,
      'locales/README.es.md',
      '| Instala | Sí | Ningún | Sí |',
      '| Instala | Sí, siempre | No | Sí |',
    );
    writeFileSync(
      join(folder, 'README.md'),
      table(['| Update | yes | no | yes |', '| Setup | yes | no | yes |']),
    );

    const second = await translate(folder);
    expect([second.status, second.stderr]).toEqual([
      0,
      'readme-i18n: warning: locales/README.es.md:9: 2 changes made by hand could not be matched to a block of README.md ' +
        '(their source changed, moved or was removed in the same run); they are not kept: make them again, or in locales/es.po\n',
    ]);
  });
});
