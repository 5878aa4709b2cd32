import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { fixturesRoot } from '../helpers/fixtures.js';

// Issue 11: whichever side a person changed (the PO file or the Markdown output) wins, and no
// change is lost when the source changes in the same cycle. Apertium, as a new user has it.
const fixture = join(fixturesRoot, 'hand-edits');

const read = (folder: string, file: string) => readFileSync(join(folder, file), 'utf8');
const edit = (folder: string, file: string, from: string, to: string) => {
  const text = read(folder, file);
  if (!text.includes(from)) throw new Error(`${file} has no ${JSON.stringify(from)}`);
  writeFileSync(join(folder, file), text.replace(from, to));
};
const translate = (folder: string, flags: readonly string[] = []) =>
  runCliHere('translate', ['--lang', 'es', '--engine', 'apertium', ...flags], folder);

/** The PO block of one msgid, comments included. */
function entryOf(folder: string, source: string): string {
  const block = read(folder, 'locales/es.po')
    .split('\n\n')
    .find((each) => each.includes(`msgid ${JSON.stringify(source)}\n`));
  if (block === undefined) throw new Error(`no entry for ${source}`);
  return block;
}

async function translated(): Promise<string> {
  const folder = tempProject(fixture);
  const first = await translate(folder);
  expect(first.status, first.stderr).toBe(0);
  return folder;
}

describe('hand edits with the real CLI (Apertium)', () => {
  it('takes an edit of the PO file into the Markdown, keeps it human, and marks nothing else human', async () => {
    const folder = await translated();
    expect(read(folder, 'locales/README.es.md')).toContain('Corrido `vagrant up` para empezar las máquinas.');
    edit(
      folder,
      'locales/es.po',
      'msgstr "Corrido `vagrant up` para empezar las máquinas."',
      'msgstr "Ejecuta `vagrant up` para arrancar las máquinas."',
    );
    const second = await translate(folder);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('(1 by hand)');
    expect(read(folder, 'locales/README.es.md')).toContain(
      'Ejecuta `vagrant up` para arrancar las máquinas.',
    );
    expect(entryOf(folder, 'Run `vagrant up` to start the machines.')).toMatch(
      /#\. readme-i18n: human date=\d{4}-\d\d-\d\d sum=[0-9a-f]{12}\nmsgid "Run `vagrant up` to start the machines."\nmsgstr "Ejecuta `vagrant up` para arrancar las máquinas."$/,
    );
    expect(read(folder, 'locales/es.po').match(/readme-i18n: human/g)).toHaveLength(1);
    // And it stays: a third run changes nothing.
    const files = ['locales/README.es.md', 'locales/es.po'].map((file) => read(folder, file));
    expect((await translate(folder)).status).toBe(0);
    expect(['locales/README.es.md', 'locales/es.po'].map((file) => read(folder, file))).toEqual(files);
  });

  it('keeps a Markdown edit back to the English text (a product name put back) as a human translation', async () => {
    const folder = await translated();
    edit(folder, 'locales/README.es.md', '## Red', '## Network');
    edit(folder, 'locales/README.es.md', '| Herramienta |', '| Tool |');
    const second = await translate(folder);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('(2 by hand)');
    const output = read(folder, 'locales/README.es.md');
    expect(output).toContain('## Network\n');
    expect(output).toContain('| Tool | Uso |');
    expect(entryOf(folder, 'Tool')).toMatch(/readme-i18n: human .*\nmsgid "Tool"\nmsgstr "Tool"$/);
    expect(entryOf(folder, 'Network')).toMatch(/readme-i18n: human .*\nmsgid "Network"\nmsgstr "Network"$/);
  });

  it('edited in both places: the Markdown wins, the PO text is kept as a comment, and the conflict is named', async () => {
    const folder = await translated();
    edit(folder, 'locales/README.es.md', 'El grupo tiene tres nodos', 'El clúster tiene tres nodos');
    edit(
      folder,
      'locales/es.po',
      'msgstr "El grupo tiene tres nodos y una gerente."',
      'msgstr "El grupo tiene tres nodos y un gestor."',
    );
    const second = await translate(folder);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain(
      'readme-i18n: warning: locales/README.es.md:11: edited both there and in locales/es.po (msgid "The cluster has three nodes and one mana…"); ' +
        "kept the Markdown's text, and the PO's as a comment of that entry: choose there, or edit the Markdown again",
    );
    expect(read(folder, 'locales/README.es.md')).toContain('El clúster tiene tres nodos y una gerente.');
    expect(entryOf(folder, 'The cluster has three nodes and one manager.')).toContain(
      '# readme-i18n: conflict: locales/README.es.md:11 was edited too and wins; this entry\'s msgstr was "El grupo tiene tres nodos y un gestor."\n' +
        '#: README.md:7\n#. readme-i18n: human',
    );
  });

  it('keeps Markdown edits when the source gains, loses and moves sections in the same cycle', async () => {
    const folder = await translated();
    edit(
      folder,
      'locales/README.es.md',
      'Cada máquina coge una alocución',
      'Cada máquina recibe una dirección',
    );
    edit(folder, 'locales/README.es.md', 'Los discos están creados', 'Los discos se crean');
    edit(folder, 'locales/README.es.md', '## Cleanup', '## Limpieza');
    // Source: a section inserted at the top, Storage deleted, Cleanup moved before Network.
    const source = read(folder, 'README.md');
    const [head, rest] = source.split('## 🌐 Docker Swarm');
    const network = rest?.slice(rest.indexOf('## Network'), rest.indexOf('## Storage')) ?? '';
    const cleanup = rest?.slice(rest.indexOf('## Cleanup')) ?? '';
    writeFileSync(
      join(folder, 'README.md'),
      `${head}## Requirements\n\nInstall VirtualBox first.\n\n## 🌐 Docker Swarm${rest?.slice(0, rest.indexOf('## Network'))}${cleanup}\n${network}`.trimEnd() +
        '\n',
    );
    const second = await translate(folder);
    expect(second.status, second.stderr).toBe(0);
    // Two edits survive; the third was in the deleted section: it waits in the PO file, and the run says so.
    expect(second.stdout).toContain('(2 by hand)');
    expect(second.stderr).toBe(
      'readme-i18n: warning: locales/README.es.md:24: edited by hand, but README.md no longer has its paragraph ' +
        '(msgid "Disks are created when the machine start…"); the edit is kept in locales/es.po as an obsolete entry (#~), ' +
        'used again if the paragraph comes back\n',
    );
    expect(read(folder, 'locales/es.po')).toMatch(
      /#\. readme-i18n: human date=\S+ sum=\w+\n#~ msgid "Disks are created when the machine starts."\n#~ msgstr "Los discos se crean cuándo los inicios de máquina."$/m,
    );
    const output = read(folder, 'locales/README.es.md');
    expect(output).toContain('Cada máquina recibe una dirección en la red privada.');
    expect(output).toContain('## Limpieza');
    expect(output).not.toContain('Los discos');
    expect(output.indexOf('## Limpieza')).toBeLessThan(output.indexOf('## Red'));
  });

  it('keeps an edit whose paragraph was reworded in the same run as the previous translation, for review, and says so', async () => {
    const folder = await translated();
    edit(folder, 'locales/README.es.md', 'Los discos están creados', 'Los discos se crean');
    // The paragraph's source changes too: the edit belongs to its old text.
    edit(folder, 'README.md', 'Disks are created when the machine starts.', 'Disks are made at boot.');
    const second = await translate(folder);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toBe(
      'readme-i18n: warning: locales/README.es.md:24: edited by hand, but its paragraph changed in README.md ' +
        '(msgid "Disks are created when the machine start…"); the edit is kept in locales/es.po as the previous translation ' +
        "beside the new text's, marked fuzzy for review\n",
    );
    expect(entryOf(folder, 'Disks are made at boot.')).toMatch(
      /#\. readme-i18n: previous-translation="Los discos se crean cuándo los inicios de máquina."\n#, fuzzy\n#\| msgid "Disks are created when the machine starts."\nmsgid "Disks are made at boot."\nmsgstr "Los discos están hechos en bota."$/,
    );
  });

  it('--retranslate sends every machine-made unit again, or only one engine’s, and never a human one', async () => {
    const folder = tempProject(fixture);
    const run = (flags: readonly string[]) => runCliHere('translate', ['--lang', 'es', ...flags], folder);
    expect((await run(['--engine', 'pseudo'])).status).toBe(0);
    const po = read(folder, 'locales/es.po');
    const edited = po.replace(/(msgid "Cleanup"\nmsgstr )".*"/, '$1"Limpieza"');
    expect(edited).not.toBe(po);
    writeFileSync(join(folder, 'locales/es.po'), edited);
    // A new paragraph, translated by another engine: the memory now holds three origins.
    edit(folder, 'README.md', '## Cleanup', 'Ask on the forum.\n\n## Cleanup');
    expect((await run(['--engine', 'apertium'])).stdout).toContain('1 sent in 1 requests');

    const dryAll = await run(['--engine', 'identity', '--retranslate', '--dry-run']);
    expect(dryAll.stdout).toBe(
      'es: locales/README.es.md — would send 15 units (325 characters) in 1 requests; 1 from memory (1 by hand)\n',
    );
    const dryOne = await run(['--engine', 'identity', '--retranslate', 'apertium', '--dry-run']);
    expect(dryOne.stdout).toBe(
      'es: locales/README.es.md — would send 1 units (17 characters) in 1 requests; 15 from memory (1 by hand)\n',
    );

    const again = await run(['--engine', 'apertium', '--retranslate', 'pseudo']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('2 from memory (1 by hand), 14 sent in 1 requests');
    const memory = read(folder, 'locales/es.po');
    expect(memory.match(/readme-i18n: engine=apertium/g)).toHaveLength(15);
    expect(memory).not.toContain('engine=pseudo');
    expect(entryOf(folder, 'Cleanup')).toMatch(/readme-i18n: human .*\nmsgid "Cleanup"\nmsgstr "Limpieza"$/);
    expect(read(folder, 'locales/README.es.md')).toContain('## Limpieza\n');
  });

  it('refuses a hand translation with <script>, an unclosed ** or a changed link target, and check fails on it', async () => {
    const folder = await translated();
    edit(
      folder,
      'locales/es.po',
      'msgstr "Corrido `vagrant up` para empezar las máquinas."',
      'msgstr "Ejecuta `vagrant up` <script>alert(1)</script>."',
    );
    edit(
      folder,
      'locales/es.po',
      'msgstr "El grupo tiene tres nodos y una gerente."',
      'msgstr "El **grupo tiene tres nodos."',
    );
    edit(folder, 'locales/README.es.md', 'coge una alocución', 'coge una [alocución](https://evil.example)');
    const second = await translate(folder);
    expect(second.status).toBe(1);
    expect(second.stderr).toBe(
      'readme-i18n: warning: locales/README.es.md:20: an edit made by hand is not taken: it changes a link target to https://evil.example; ' +
        'the translation from locales/es.po is written again\n' +
        '  es: line 3 kept its source text: its translation by hand in the PO file adds the raw HTML <script>; correct it there\n' +
        '  es: line 7 kept its source text: its translation by hand in the PO file leaves an unclosed or stray **; correct it there\n',
    );
    const output = read(folder, 'locales/README.es.md');
    expect(output).not.toMatch(/script|evil|\*\*grupo/);
    expect(output).toContain('\nRun `vagrant up` to start the machines.\n');
    expect(output).toContain('\nThe cluster has three nodes and one manager.\n');
    expect(output).toContain('Cada máquina coge una alocución en la red privada.');
    const check = await runCliHere('readme-i18n', ['check'], folder);
    expect([check.status, check.stderr]).toEqual([1, '']);
    expect(check.stdout).toBe(
      'es: line 3 is refused: its translation by hand in the PO file adds the raw HTML <script>; correct it there\n' +
        'es: line 7 is refused: its translation by hand in the PO file leaves an unclosed or stray **; correct it there\n',
    );
  });

  it('reads a PO file in the charset its header declares (ISO-8859-1): nothing becomes human, nothing changes', async () => {
    const folder = await translated();
    const text = read(folder, 'locales/es.po').replace('charset=utf-8', 'charset=ISO-8859-1');
    // The one unit Latin-1 cannot write (an emoji) goes; every other entry is kept as written.
    const latin = text.replace(/\n\n[^\n]*\n[^\n]*\nmsgid "🌐 Docker Swarm"\nmsgstr "[^"]*"/u, '');
    expect(latin).not.toContain('🌐');
    writeFileSync(join(folder, 'locales/es.po'), Buffer.from(latin, 'latin1'));
    const output = read(folder, 'locales/README.es.md');
    const second = await translate(folder);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('14 from memory, 1 sent');
    expect(read(folder, 'locales/es.po')).not.toContain('human');
    expect(read(folder, 'locales/README.es.md')).toBe(output);
  });
});
