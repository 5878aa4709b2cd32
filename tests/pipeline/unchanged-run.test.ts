import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeaderField, withoutHeaderField } from '../../src/memory/po-header-field.js';
import { stateField } from '../../src/pipeline/unchanged-run.js';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { fixturesRoot } from '../helpers/fixtures.js';

const fixture = join(fixturesRoot, 'cli-translate');
const output = join('locales', 'README.fr.md');
const memory = join('locales', 'fr.po');

/** Runs `translate --lang fr` with the pseudo engine; returns its report line without the time. */
async function translate(project: string, flags: readonly string[] = []) {
  const result = await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo', ...flags], project);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout.split('\n')[0]?.replace(/, \d+\.\d s$/, '');
}

/** The file's inode and modification time: an atomic write replaces both. */
const identity = (project: string, file: string) => {
  const stat = statSync(join(project, file));
  return `${stat.ino}:${stat.mtimeMs}`;
};
const read = (project: string, file: string) => readFileSync(join(project, file), 'utf8');

describe('a run with nothing to do (source, memory and output as the last run left them)', () => {
  it('writes nothing and reports what a full run reports', async () => {
    const project = tempProject(fixture);
    await translate(project);
    expect(readHeaderField(read(project, memory), stateField)).toMatch(
      /^[0-9a-f]{64} README\.md=5,5,0,[0-9a-f]{64}$/,
    );
    execFileSync('msgfmt', ['--check', '-o', '/dev/null', join(project, memory)]);
    const files = [output, memory].map((file) => identity(project, file));
    const line = await translate(project);
    expect(line).toBe(
      'fr: locales/README.fr.md — 5 units (5 unique), 5 from memory, 0 sent in 0 requests (0 characters)',
    );
    expect([output, memory].map((file) => identity(project, file))).toEqual(files);
    // The same report as a full run over the same files (the proof taken out of the memory).
    writeFileSync(join(project, memory), withoutHeaderField(read(project, memory), stateField));
    expect(await translate(project)).toBe(line);
  });

  it('is not taken after a translation was edited in the PO file', async () => {
    const project = tempProject(fixture);
    await translate(project);
    const po = read(project, memory);
    const [, usage] = /msgid "Usage"\nmsgstr "([^"]*)"/.exec(po) ?? [];
    expect(usage).toBeDefined();
    writeFileSync(join(project, memory), po.replace(`msgstr "${usage}"`, 'msgstr "Utilisation"'));
    // A full run reads the edit (harvest decides which side wins): a person's translation is counted.
    expect(await translate(project)).toBe(
      'fr: locales/README.fr.md — 5 units (5 unique), 5 from memory (1 by hand), 0 sent in 0 requests (0 characters)',
    );
  });

  it('is not taken after a translation was edited in the output, which is harvested', async () => {
    const project = tempProject(fixture);
    await translate(project);
    const before = read(project, output);
    const heading = /^## (.*)$/m.exec(before)?.[1] ?? '';
    writeFileSync(join(project, output), before.replace(`## ${heading}`, '## Mode d’emploi'));
    await translate(project);
    expect(read(project, output)).toContain('## Mode d’emploi\n');
    expect(read(project, memory)).toContain('msgstr "Mode d’emploi"');
  });

  it('follows a change outside the prose of the source, and a change of options', async () => {
    const project = tempProject(fixture);
    await translate(project);
    const source = read(project, 'README.md');
    writeFileSync(join(project, 'README.md'), `${source}\n\`\`\`sh\nvagrant up\n\`\`\`\n`);
    await translate(project);
    expect(read(project, output)).toMatch(/```sh\nvagrant up\n```\n$/);
    expect(read(project, output)).toContain('🌐 ');
    await translate(project, ['--no-switcher']);
    expect(read(project, output)).not.toContain('🌐 ');
  });

  it('is not taken after the terms of the configuration changed', async () => {
    const project = tempProject(fixture);
    await translate(project);
    // The heading that is only the term is written in its translation by readme-i18n, nothing sent.
    writeFileSync(
      join(project, 'readme-i18n.config.yaml'),
      'terms:\n  Demo project:\n    fr: Projet de démo\n',
    );
    expect(await translate(project)).toBe(
      'fr: locales/README.fr.md — 5 units (5 unique), 4 from memory, 0 sent in 0 requests (0 characters)',
    );
    expect(read(project, output)).toContain('\n# Projet de démo\n');
  });

  it('writes the output again when it was deleted', async () => {
    const project = tempProject(fixture);
    await translate(project);
    const text = read(project, output);
    rmSync(join(project, output));
    await translate(project);
    expect(read(project, output)).toBe(text);
  });
});

describe('check, where translate left nothing to do', () => {
  it('says up to date, and still sees an edit of the output or of the PO file', async () => {
    const project = tempProject(fixture);
    await translate(project);
    const check = () => runCliHere('readme-i18n', ['check', '--lang', 'fr'], project);
    expect(await check()).toEqual({
      status: 0,
      stdout: 'fr: up to date (5 units, locales/README.fr.md)\n',
      stderr: '',
    });
    const text = read(project, output);
    writeFileSync(join(project, output), `${text}\n`);
    const edited = await check();
    expect(edited).toEqual({
      status: 1,
      stdout:
        'fr: locales/README.fr.md does not match the translation memory (edited by hand, or the source changed); run `readme-i18n translate --lang fr`\n',
      stderr: '',
    });
    // What a full check, which renders the output from the memory, says too (the proof taken out).
    const po = read(project, memory);
    writeFileSync(join(project, memory), withoutHeaderField(po, stateField));
    expect(await check()).toEqual(edited);
    writeFileSync(join(project, memory), po);
    writeFileSync(join(project, output), text);
    expect((await check()).status).toBe(0);
    writeFileSync(join(project, memory), po.replace(/^msgstr "Úšáĝé··"$/m, 'msgstr "Utilisation"'));
    expect(read(project, memory)).not.toBe(po);
    expect((await check()).status).toBe(1);
  });
});
