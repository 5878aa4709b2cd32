import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { po } from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { MemoryUsageError } from '../../src/memory/memory-errors.js';
import { inferSourceChanges } from '../../src/memory/source-changes.js';
import { fixedClock, msgfmtCheck, open } from './helpers.js';
import { tempDir } from '../helpers/temp-dir.js';

const header = (revision: string): string =>
  [
    'msgid ""',
    'msgstr ""',
    '"Project-Id-Version: README\\n"',
    `"PO-Revision-Date: ${revision}\\n"`,
    '"Last-Translator: readme-i18n\\n"',
    '"Language-Team: none\\n"',
    '"Language: fr\\n"',
    '"MIME-Version: 1.0\\n"',
    '"Content-Type: text/plain; charset=utf-8\\n"',
    '"Content-Transfer-Encoding: 8bit\\n"',
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
    '"X-Generator: readme-i18n\\n"',
    '',
  ].join('\n');

async function poFile(): Promise<string> {
  return join(tempDir('readme-i18n-memory-'), 'locales', 'fr.po');
}

describe('the PO file', () => {
  it('is written exactly, escapes quotes, backslashes, tabs and newlines, and passes msgfmt --check', async () => {
    const file = await poFile();
    const memory = await open(file);
    memory.record('Hello **world**', 'Bonjour **le monde**', {
      origin: 'engine:deepl',
      references: ['README.md:3'],
    });
    memory.record('Line one\nline "two" with \\ and\ttab', 'Ligne un\nligne « deux » 日本語 😀', {
      origin: 'engine:apertium',
      references: ['README.md:5', 'README.md:40'],
    });
    memory.markHuman('Install', 'Installation');
    expect(await memory.save()).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(
      header('2026-11-29 05:13+0000') +
        [
          '',
          '#: README.md:3',
          '#. readme-i18n: engine=deepl date=2026-11-29 sum=8373b2a30b9b',
          'msgid "Hello **world**"',
          'msgstr "Bonjour **le monde**"',
          '',
          '#: README.md:5',
          '#: README.md:40',
          '#. readme-i18n: engine=apertium date=2026-11-29 sum=3a511b7feb7f',
          'msgid ""',
          '"Line one\\n"',
          '"line \\"two\\" with \\\\ and\\ttab"',
          'msgstr ""',
          '"Ligne un\\n"',
          '"ligne « deux » 日本語 😀"',
          '',
          '#. readme-i18n: human date=2026-11-29 sum=c3fc54aa5390',
          'msgid "Install"',
          'msgstr "Installation"',
          '',
        ].join('\n'),
    );
    expect(msgfmtCheck(file)).toEqual({ status: 0, stderr: '' });
    const again = await open(file);
    expect(again.entries()).toEqual(memory.entries());
    expect(again.lookup('Line one\nline "two" with \\ and\ttab')).toBe('Ligne un\nligne « deux » 日本語 😀');
  });

  it('is left byte-identical by a save or a whole run that changes nothing, even on a later day', async () => {
    const file = await poFile();
    const clock = fixedClock('2026-11-29T05:13:56Z');
    const first = await open(file, clock);
    first.record('One', 'Un', { origin: 'engine:deepl' });
    first.record('Two', 'Deux', { origin: 'engine:deepl' });
    first.markUsed([{ source: 'One', reference: 'README.md:1' }, 'Two']);
    first.finish();
    await first.save();
    const bytes = await readFile(file);
    expect(await first.save()).toBe(false);

    clock.set('2026-12-25T10:00:00Z');
    const second = await open(file, clock);
    expect(second.lookup('One')).toBe('Un');
    second.record('Two', 'Deux', { origin: 'engine:deepl' }); // the same text again
    second.markUsed([{ source: 'One', reference: 'README.md:1' }, 'Two']);
    second.finish();
    expect(await second.save()).toBe(false);
    expect(await readFile(file)).toEqual(bytes);

    second.record('Two', 'Deux !', { origin: 'engine:deepl' });
    expect(await second.save()).toBe(true);
    const changed = await readFile(file, 'utf8');
    expect(changed).toContain('"PO-Revision-Date: 2026-12-25 10:00+0000\\n"');
    expect(changed).toContain('#. readme-i18n: engine=deepl date=2026-12-25 sum=');
    expect(changed).toContain('#. readme-i18n: engine=deepl date=2026-11-29 sum=');
  });

  it('keys entries by content: inserting a paragraph leaves the other entries and their order intact', async () => {
    const file = await poFile();
    const first = await open(file);
    for (const [source, translation] of [
      ['Alpha', 'Alpha FR'],
      ['Omega', 'Oméga'],
    ] as const) {
      first.record(source, translation, { origin: 'engine:deepl' });
    }
    first.markUsed(['Alpha', 'Omega']);
    first.finish();
    await first.save();

    const second = await open(file);
    const run = ['Alpha', 'Inserted', 'Omega'];
    expect(run.filter((source) => second.lookup(source) === undefined)).toEqual(['Inserted']);
    second.record('Inserted', 'Inséré', { origin: 'engine:deepl' });
    second.markUsed(run);
    second.finish();
    await second.save();
    const text = await readFile(file, 'utf8');
    expect([...text.matchAll(/^msgid "(.+)"$/gm)].map((match) => match[1])).toEqual(run);
    expect(second.entries().map((entry) => [entry.source, entry.translation, entry.date])).toEqual([
      ['Alpha', 'Alpha FR', '2026-11-29'],
      ['Inserted', 'Inséré', '2026-11-29'],
      ['Omega', 'Oméga', '2026-11-29'],
    ]);
  });

  it('keeps left units as obsolete #~ entries, revives them on a revert, and prunes them on request', async () => {
    const file = await poFile();
    const memory = await open(file);
    memory.record('Kept', 'Gardé', { origin: 'engine:deepl' });
    memory.record('Gone', 'Parti', { origin: 'engine:deepl' });
    memory.markUsed(['Kept']);
    memory.finish();
    await memory.save();
    expect(await readFile(file, 'utf8')).toMatch(
      /\n\n#\. readme-i18n: engine=deepl date=2026-11-29 sum=\w+\n#~ msgid "Gone"\n#~ msgstr "Parti"\n$/,
    );
    expect(msgfmtCheck(file)).toEqual({ status: 0, stderr: '' });

    const revert = await open(file);
    expect(revert.entry('Gone')?.obsolete).toBe(true);
    expect(revert.lookup('Gone')).toBe('Parti'); // a revert costs nothing
    revert.markUsed(['Gone', 'Kept']);
    revert.finish();
    expect(revert.entries().map((entry) => [entry.source, entry.obsolete])).toEqual([
      ['Gone', false],
      ['Kept', false],
    ]);

    revert.markUsed(['Kept']);
    revert.finish({ prune: true });
    await revert.save();
    expect(revert.entries().map((entry) => entry.source)).toEqual(['Kept']);
    expect(await readFile(file, 'utf8')).not.toContain('Gone');
  });

  it('aligns a translation to the source newline edges, which msgfmt requires', async () => {
    const file = await poFile();
    const memory = await open(file);
    memory.record('Ends with a break\n', 'Finit sans', { origin: 'engine:deepl' });
    memory.record('Plain', '\nSpurious\n\n', { origin: 'engine:deepl' });
    await memory.save();
    expect(memory.lookup('Ends with a break\n')).toBe('Finit sans\n');
    expect(memory.lookup('Plain')).toBe('Spurious');
    expect(msgfmtCheck(file)).toEqual({ status: 0, stderr: '' });
  });

  it('refuses an empty source, which is the PO header', async () => {
    const memory = await open(await poFile());
    expect(() => memory.record('', 'x', { origin: 'human' })).toThrow(MemoryUsageError);
    expect(() => memory.record('', 'x', { origin: 'human' })).toThrow(/empty unit source/);
  });
});

describe('human translations', () => {
  it('are never replaced by an engine while the source is unchanged', async () => {
    const file = await poFile();
    const memory = await open(file);
    memory.record('Title', 'Titre machine', { origin: 'engine:deepl' });
    memory.markHuman('Title', 'Titre humain');
    expect(memory.record('Title', 'Titre machine 2', { origin: 'engine:deepl' })).toBe(false);
    expect(memory.lookup('Title')).toBe('Titre humain');
    await memory.save();
    const again = await open(file);
    expect(again.entry('Title')).toMatchObject({
      origin: 'human',
      translation: 'Titre humain',
      fuzzy: false,
    });
  });

  it('made in a PO editor are recognised: an edited msgstr, and an entry with no readme-i18n note', async () => {
    const file = await poFile();
    const memory = await open(file);
    memory.record('Engine', 'Moteur', { origin: 'engine:deepl' });
    memory.record('Other', 'Autre', { origin: 'engine:deepl' });
    await memory.save();
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replace('msgstr "Moteur"', 'msgstr "Moteur relu"') + '\nmsgid "Added"\nmsgstr "Ajouté"\n',
    );
    const edited = await open(file, fixedClock('2026-12-01T00:00:00Z'));
    expect(edited.entry('Engine')).toMatchObject({
      origin: 'human',
      translation: 'Moteur relu',
      date: '2026-12-01',
    });
    expect(edited.entry('Other')).toMatchObject({ origin: 'engine:deepl', date: '2026-11-29' });
    expect(edited.entry('Added')).toMatchObject({ origin: 'human', translation: 'Ajouté' });
    expect(edited.record('Engine', 'Moteur', { origin: 'engine:deepl' })).toBe(false);
  });

  it('whose source changed become fuzzy with #| previous, are never looked up, and get a reviewed engine draft', async () => {
    const file = await poFile();
    const memory = await open(file);
    memory.markHuman('Old source', 'Ancienne traduction');
    expect(memory.carryOver('Old source', 'New source')).toBe(true);
    expect(memory.lookup('New source')).toBeUndefined();
    expect(memory.draft('New source')).toBeUndefined(); // the old text must not be shown as current
    memory.markUsed(['New source']);
    memory.finish();
    await memory.save();
    const carried = await readFile(file, 'utf8');
    expect(carried.slice(carried.indexOf('\n\n') + 2)).toBe(
      [
        '#. readme-i18n: human date=2026-11-29 sum=fa2fef109ac7',
        '#. readme-i18n: previous-translation="Ancienne traduction"',
        '#, fuzzy',
        '#| msgid "Old source"',
        'msgid "New source"',
        'msgstr "Ancienne traduction"',
        '',
        '#. readme-i18n: human date=2026-11-29 sum=fa2fef109ac7',
        '#~ msgid "Old source"',
        '#~ msgstr "Ancienne traduction"',
        '',
      ].join('\n'),
    );
    expect(msgfmtCheck(file)).toEqual({ status: 0, stderr: '' });

    // The next run translates the new source; the draft is output but stays fuzzy for review.
    const next = await open(file);
    expect(next.entry('New source')?.previous).toEqual({
      source: 'Old source',
      translation: 'Ancienne traduction',
    });
    expect(next.lookup('New source')).toBeUndefined();
    expect(next.record('New source', 'Nouvelle source', { origin: 'engine:deepl' })).toBe(true);
    expect(next.lookup('New source')).toBeUndefined();
    expect(next.draft('New source')).toBe('Nouvelle source');
    await next.save();
    const drafted = await readFile(file, 'utf8');
    expect(drafted).toMatch(
      /#\. readme-i18n: engine=deepl date=2026-11-29 sum=\w+\n#\. readme-i18n: previous-translation="Ancienne traduction"\n#, fuzzy\n#\| msgid "Old source"\nmsgid "New source"\nmsgstr "Nouvelle source"\n/,
    );
    expect(msgfmtCheck(file)).toEqual({ status: 0, stderr: '' });

    // A reviewer's answer, harvested or typed in the PO file, ends the review.
    const reviewed = await open(file);
    reviewed.markHuman('New source', 'Nouvelle source relue');
    expect(reviewed.lookup('New source')).toBe('Nouvelle source relue');
    expect(reviewed.entry('New source')).toMatchObject({ fuzzy: false, origin: 'human' });
    expect(reviewed.entry('New source')?.previous).toBeUndefined();
  });

  it('under revision in a PO editor (fuzzy, msgstr changed) are not replaced by an engine', async () => {
    const memory = await open(await poFile());
    memory.markHuman('A', 'Un');
    memory.carryOver('A', 'A2');
    await memory.save();
    const text = await readFile(memory.file, 'utf8');
    await writeFile(memory.file, text.replace('msgid "A2"\nmsgstr "Un"', 'msgid "A2"\nmsgstr "Un, deux"'));
    const edited = await open(memory.file);
    expect(edited.record('A2', 'Un 2', { origin: 'engine:deepl' })).toBe(false);
    expect(edited.entry('A2')).toMatchObject({ translation: 'Un, deux', fuzzy: true });
  });

  it('marked fuzzy in a PO editor, without a previous source, are not replaced by an engine either', async () => {
    const memory = await open(await poFile());
    memory.markHuman('Unsure', 'Pas sûr');
    await memory.save();
    const text = await readFile(memory.file, 'utf8');
    await writeFile(memory.file, text.replace('msgid "Unsure"', '#, fuzzy\nmsgid "Unsure"'));
    const edited = await open(memory.file);
    expect(edited.lookup('Unsure')).toBeUndefined();
    expect(edited.draft('Unsure')).toBeUndefined();
    expect(edited.record('Unsure', 'Incertain', { origin: 'engine:deepl' })).toBe(false);
    expect(edited.entry('Unsure')).toMatchObject({ translation: 'Pas sûr', fuzzy: true, origin: 'human' });
  });

  it('follow an edited paragraph found by diffing the previous run with this one', async () => {
    const file = await poFile();
    const first = await open(file);
    first.record('Title', 'Titre', { origin: 'engine:deepl' });
    first.markHuman('Body', 'Corps relu');
    first.record('End', 'Fin', { origin: 'engine:deepl' });
    first.markUsed(['Title', 'Body', 'End']);
    first.finish();
    await first.save();

    const next = await open(file);
    const previous = next
      .entries()
      .filter((entry) => !entry.obsolete)
      .map((entry) => entry.source);
    const changes = inferSourceChanges(previous, ['Title', 'Body, edited', 'End']);
    expect(changes).toEqual([{ oldSource: 'Body', newSource: 'Body, edited' }]);
    for (const change of changes) expect(next.carryOver(change.oldSource, change.newSource)).toBe(true);
    expect(next.lookup('Body, edited')).toBeUndefined();
    expect(next.entry('Body, edited')).toMatchObject({
      fuzzy: true,
      previous: { source: 'Body', translation: 'Corps relu' },
    });
  });

  it('carry only from a human entry to a source with no translation', async () => {
    const memory = await open(await poFile());
    memory.record('Machine', 'Machine FR', { origin: 'engine:deepl' });
    memory.markHuman('Person', 'Personne');
    memory.record('Known', 'Connu', { origin: 'engine:deepl' });
    expect(memory.carryOver('Machine', 'Machine 2')).toBe(false);
    expect(memory.carryOver('Person', 'Known')).toBe(false);
    expect(memory.carryOver('Missing', 'Anything')).toBe(false);
    expect(memory.entry('Machine 2')).toBeUndefined();
    expect(memory.lookup('Known')).toBe('Connu');
  });
});

describe('loading', () => {
  it('starts empty when the file is missing', async () => {
    const memory = await open(await poFile());
    expect(memory.entries()).toEqual([]);
    expect(memory.warnings).toEqual([]);
    expect(memory.setAside).toBeUndefined();
  });

  it('sets an unparsable file aside with a warning and starts empty', async () => {
    const file = await poFile();
    const first = await open(file);
    first.record('One', 'Un', { origin: 'engine:deepl' });
    await first.save();
    await writeFile(file, 'msgid "One"\nmsgstr "Un\n<<<<<<< HEAD\n');
    const memory = await open(file);
    const aside = `${file}.broken-2026-11-29T05-13-56-000Z`;
    expect(memory.entries()).toEqual([]);
    expect(memory.setAside).toBe(aside);
    expect(memory.warnings).toHaveLength(1);
    expect(memory.warnings[0]).toMatch(
      new RegExp(
        `^${escape(file)} is not a valid PO file \\(.+\\); moved it to ${escape(aside)} and started an empty memory, rebuilt from the translated README\\. Copy any translation you need from ${escape(aside)}, then delete it\\.$`,
      ),
    );
    expect(await readFile(aside, 'utf8')).toBe('msgid "One"\nmsgstr "Un\n<<<<<<< HEAD\n');
    expect((await readdir(join(file, '..'))).sort()).toEqual(['fr.po.broken-2026-11-29T05-13-56-000Z']);
    memory.record('One', 'Un', { origin: 'engine:recovered' });
    await memory.save();
    expect(msgfmtCheck(file)).toEqual({ status: 0, stderr: '' });
  });

  it('skips msgctxt and plural entries with a warning, and keeps other header fields', async () => {
    const file = await poFile();
    const memory = await open(file);
    memory.record('One', 'Un', { origin: 'engine:deepl' });
    await memory.save();
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replace(
        '"X-Generator: readme-i18n\\n"',
        '"X-Generator: Poedit 3.4\\n"\n"X-Poedit-Basepath: ..\\n"',
      ) + '\nmsgctxt "menu"\nmsgid "Open"\nmsgstr "Ouvrir"\n',
    );
    const edited = await open(file);
    expect(edited.warnings).toEqual([
      `${file}: skipped the entry "Open": readme-i18n writes no msgctxt or plural entries; remove it from the file`,
    ]);
    edited.record('Two', 'Deux', { origin: 'engine:deepl' });
    await edited.save();
    const saved = await readFile(file, 'utf8');
    expect(saved).toContain('"X-Generator: readme-i18n\\n"\n"X-Poedit-Basepath: ..\\n"\n');
    expect(Object.keys(po.parse(saved).translations[''] ?? {})).toEqual(['', 'One', 'Two']);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
