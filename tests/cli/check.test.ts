import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliHere, tempProject } from '../helpers/cli.js';
import { fixturesRoot } from '../helpers/fixtures.js';

const fixture = join(fixturesRoot, 'cli-translate');

describe('check command', () => {
  async function translated(): Promise<string> {
    const project = tempProject(fixture);
    const result = await runCliHere('translate', ['--lang', 'fr,de', '--engine', 'pseudo'], project);
    expect(result.status).toBe(0);
    return project;
  }

  it('exits 0 when every language is current', async () => {
    const project = await translated();
    const result = await runCliHere('readme-i18n', ['check'], project);
    expect(result.stdout).toBe(
      'de: up to date (5 units, locales/README.de.md)\nfr: up to date (5 units, locales/README.fr.md)\n',
    );
    expect(result.status).toBe(0);
  });

  it('exits 1 and names the units when the source changed', async () => {
    const project = await translated();
    const readme = join(project, 'README.md');
    writeFileSync(readme, readFileSync(readme, 'utf8').replace('## Usage', '## How to use it'));
    const result = await runCliHere('readme-i18n', ['check', '--lang', 'fr'], project);
    expect(result.stdout).toBe(
      'fr: 1 of 5 units have no current translation; run `readme-i18n translate --lang fr`\n' +
        '  line 5: How to use it\n' +
        'fr: locales/README.fr.md does not match the translation memory (edited by hand, or the source changed); run `readme-i18n translate --lang fr`\n',
    );
    expect(result.status).toBe(1);
  });

  it('exits 1 when an output was edited by hand or is missing, until translate runs again', async () => {
    const project = await translated();
    const french = join(project, 'locales', 'README.fr.md');
    writeFileSync(french, readFileSync(french, 'utf8').replace('Ðéɱó', 'Démo'));
    rmSync(join(project, 'locales', 'README.de.md'));
    const stale = await runCliHere('readme-i18n', ['check', '--lang', 'fr,de'], project);
    expect(stale.stdout).toBe(
      'fr: locales/README.fr.md does not match the translation memory (edited by hand, or the source changed); run `readme-i18n translate --lang fr`\n' +
        'de: locales/README.de.md is missing; run `readme-i18n translate --lang de`\n',
    );
    expect(stale.status).toBe(1);
    expect((await runCliHere('translate', ['--lang', 'fr,de', '--engine', 'pseudo'], project)).status).toBe(
      0,
    );
    expect(readFileSync(french, 'utf8')).toContain('# Démo');
    expect((await runCliHere('readme-i18n', ['check'], project)).status).toBe(0);
  });

  it('exits 0 on one docs page right after translating only that page (a README plus a docs folder)', async () => {
    const project = tempProject(join(fixturesRoot, 'many-files', 'project'));
    const source = ['--source', 'docs/usage.md'];
    expect(
      (await runCliHere('translate', [...source, '--lang', 'fr,de', '--engine', 'pseudo'], project)).status,
    ).toBe(0);
    const result = await runCliHere('readme-i18n', ['check', ...source, '--lang', 'fr,de'], project);
    expect(result.stdout).toBe(
      'fr: up to date (3 units, docs/locales/usage.fr.md)\nde: up to date (3 units, docs/locales/usage.de.md)\n',
    );
    expect(result.status).toBe(0);
    const fromConfig = await runCliHere('readme-i18n', ['check', ...source], project);
    expect(fromConfig.stdout).toBe('fr: up to date (3 units, docs/locales/usage.fr.md)\n');
    expect(fromConfig.status).toBe(0);
  });

  it('exits 2 when there is nothing to check (the bin, as a child process)', async () => {
    const result = await runCli('readme-i18n', ['check'], tempProject(fixture));
    expect(result.stderr).toBe(
      'readme-i18n: no translation to check: none found; pass --lang or run `readme-i18n translate` first\n',
    );
    expect(result.status).toBe(2);
  });
});
