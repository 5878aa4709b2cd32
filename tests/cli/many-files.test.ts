import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/markdown/document.js';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { expectFile, fixturesRoot } from '../helpers/fixtures.js';
import { startDeeplServer, type DeeplServer } from '../servers/deepl-server.js';

const fixture = join(fixturesRoot, 'many-files');
const outputs = ['locales/README.fr.md', 'docs/locales/setup.fr.md', 'docs/locales/usage.fr.md'];

describe('several sources from the configuration file', () => {
  it('translates every source, links between them pointing to their translations', async () => {
    const project = tempProject(join(fixture, 'project'));
    const result = await runCliHere('translate', ['--json'], project);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; unitsSent: number });
    expect(lines.map((line) => line.file)).toEqual(outputs);
    for (const file of outputs)
      expectFile(join(fixture, 'expected', file), readFileSync(join(project, file), 'utf8'));

    const again = await runCliHere('translate', ['--json'], project);
    // Links to the other translations are the tool's, not a person's edit.
    expect(readFileSync(join(project, 'locales', 'fr.po'), 'utf8')).not.toContain('readme-i18n: human');
    expect(
      again.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { unitsSent: number }).unitsSent),
    ).toEqual([0, 0, 0]);
    expect((await runCliHere('readme-i18n', ['check'], project)).status).toBe(0);
  });

  it('lets flags override the file', async () => {
    const project = tempProject(join(fixture, 'project'));
    const result = await runCliHere(
      'translate',
      ['--json', '--lang', 'de', '--source', 'README.md', '--no-switcher'],
      project,
    );
    expect(result.status).toBe(0);
    expect(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { file: string }).file),
    ).toEqual(['locales/README.de.md']);
    expect(readFileSync(join(project, 'locales', 'README.de.md'), 'utf8')).not.toContain(
      'readme-i18n:switcher',
    );
  });

  it('names the key, the value and what was expected when the file is wrong', async () => {
    const project = tempProject(join(fixture, 'project'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(project, 'readme-i18n.config.yaml'), 'languages: [fr, frx]\n');
    const result = await runCliHere('translate', [], project);
    expect(result.stderr).toMatch(/readme-i18n\.config\.yaml: languages\[1\]: 'frx' is not a language code/);
    expect(result.status).toBe(2);
  });
});

describe('render and release options from the configuration file', () => {
  it('render takes its folder and formats from `render:`', async () => {
    const project = tempProject(join(fixture, 'project'));
    const { writeFileSync, existsSync } = await import('node:fs');
    writeFileSync(
      join(project, 'readme-i18n.config.yaml'),
      'languages: [fr]\nengine: pseudo\nrender: { out: site, html: true, pdf: false }\n',
    );
    expect((await runCliHere('translate', [], project)).status).toBe(0);
    const result = await runCliHere('readme-i18n', ['render'], project);
    expect(result.status).toBe(0);
    expect(
      ['site/index.html', 'site/fr/index.html', 'site/pdf'].map((file) => existsSync(join(project, file))),
    ).toEqual([true, true, false]);
  });

  it('release needs a tag from the flag or `release.tag`', async () => {
    const result = await runCliHere('readme-i18n', ['release'], tempProject(join(fixture, 'project')));
    expect(result.stderr).toBe(
      'readme-i18n: no release tag: pass --tag, for example --tag v1.2.0, or set release.tag in readme-i18n.config.yaml\n',
    );
    expect(result.status).toBe(2);
  });
});

describe('several sources, when the quota ends in the middle', () => {
  let server: DeeplServer;
  beforeAll(async () => {
    // Accented vowels: headings get other anchors (`Options` → `Ôptîôns`, `#ôptîôns`).
    const accents: Record<string, string> = { a: 'â', e: 'ê', i: 'î', o: 'ô', u: 'û' };
    server = await startDeeplServer({
      authKey: 'many-files-key:fx',
      translate: (text) => text.replace(/[aeiou]/gi, (vowel) => accents[vowel.toLowerCase()] ?? vowel),
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('writes the sources translated before the stop, and the rerun sends only the rest', async () => {
    const project = tempProject(join(fixture, 'project'));
    const env = { DEEPL_AUTH_KEY: 'many-files-key:fx', DEEPL_SERVER_URL: server.url };
    const readme = parseDocument(readFileSync(join(project, 'README.md'), 'utf8'));
    const readmeChars = [...new Set(readme.allUnits.map((unit) => unit.tagged))].join('').length;
    // Enough for README.md, the first source; the second one's first request goes over.
    server.setFaults({ quotaCharacters: server.billedCharacters + readmeChars });
    const stopped = await runCliHere('translate', ['--engine', 'deepl', '--json'], project, env);
    server.setFaults({});
    expect(stopped.status).toBe(1);
    expect(stopped.stderr).toMatch(/fr: quota exhausted after 0 of \d+ units/);
    expect(existsSync(join(project, 'locales/README.fr.md'))).toBe(true);
    expect(existsSync(join(project, 'docs/locales/setup.fr.md'))).toBe(false);
    const first = readFileSync(join(project, 'locales/README.fr.md'), 'utf8');
    expect(first).toContain('Rêâd thê');
    // usage.md is not translated yet: the link keeps the anchor its source has.
    expect(first).toContain('(../docs/locales/usage.fr.md#options)');

    const rerun = await runCliHere('translate', ['--engine', 'deepl', '--json'], project, env);
    expect(rerun.status).toBe(0);
    const sent = rerun.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { unitsSent: number }).unitsSent);
    expect(sent[0]).toBe(0);
    expect(sent.slice(1).every((count) => count > 0)).toBe(true);
    // Now that usage.md is translated, README's link to its heading follows the translated anchor.
    expect(readFileSync(join(project, 'locales/README.fr.md'), 'utf8')).toContain(
      '(../docs/locales/usage.fr.md#ôptîôns)',
    );
  });

  it('reads a file written before the stop back by where its units stood then, whatever the source did since', async () => {
    const project = tempProject(join(fixture, 'project'));
    const env = { DEEPL_AUTH_KEY: 'many-files-key:fx', DEEPL_SERVER_URL: server.url };
    const run = () => runCliHere('translate', ['--engine', 'deepl'], project, env);
    const one = '## Step 1\n\nInstall the tools.\n';
    const two = '## Step 2\n\nWrite the settings.\n';
    const readme = (first: string, second: string) =>
      writeFileSync(join(project, 'README.md'), `# Many files\n\n${first}\n${second}`);
    readme(one, two);
    expect((await run()).status).toBe(0);
    // The sections swap and setup.md gains a paragraph: README.md is written, then the quota stops the run.
    readme(two, one);
    appendFileSync(join(project, 'docs/setup.md'), '\nA new paragraph.\n');
    server.setFaults({ quotaCharacters: server.billedCharacters });
    const stopped = await run();
    server.setFaults({});
    expect(stopped.status).toBe(1);
    // A person edits both headings of the file as written; then the sections swap back.
    const file = join(project, 'locales/README.fr.md');
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('## Stêp 2\n\nWrîtê thê sêttîngs.\n\n## Stêp 1\n');
    writeFileSync(
      file,
      written.replace('## Stêp 1\n', '## Stêp 1: înstâll\n').replace('## Stêp 2\n', '## Stêp 2: sêttîngs\n'),
    );
    readme(one, two);
    const rerun = await run();
    expect([rerun.status, rerun.stderr]).toEqual([0, '']);
    expect(readFileSync(file, 'utf8')).toContain(
      '## Stêp 1: înstâll\n\nînstâll thê tôôls.\n\n## Stêp 2: sêttîngs\n\nWrîtê thê sêttîngs.\n',
    );
  });
});
