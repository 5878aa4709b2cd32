import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTOML } from 'toml-eslint-parser';
import { describe, expect, it } from 'vitest';
import { runCli, runCliHere, tempProject } from '../helpers/cli.js';
import { expectFile, fixturesRoot } from '../helpers/fixtures.js';

const fixture = join(fixturesRoot, 'cli-translate');

describe('translate command', async () => {
  it('writes locales/README.fr.md with the pseudo engine', async () => {
    const project = tempProject(fixture);
    const result = await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo'], project);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [line, ...table] = result.stdout.split('\n');
    expect(line).toMatch(
      /^fr: locales\/README\.fr\.md — 5 units \(5 unique\), 0 from memory, 5 sent in 1 requests \(\d+ characters\), \d+\.\d s$/,
    );
    expect(table.join('\n')).toBe(
      '\n' +
        'language  file                  from memory  translated  by hand  kept in source  characters sent  characters billed\n' +
        'fr        locales/README.fr.md            0           5        0               0              157                  0\n',
    );
    expectFile(
      join(fixture, 'expected', 'README.fr.md'),
      readFileSync(join(project, 'locales', 'README.fr.md'), 'utf8'),
    );
  });

  it('is exactly `readme-i18n translate` (both bins, as child processes), and writes every language with a switcher to the others', async () => {
    const viaTranslate = tempProject(fixture);
    const viaMain = tempProject(fixture);
    expect((await runCli('translate', ['--lang', 'fr,es', '--engine', 'pseudo'], viaTranslate)).status).toBe(
      0,
    );
    expect(
      (await runCli('readme-i18n', ['translate', '--lang', 'fr,es', '--engine', 'pseudo'], viaMain)).status,
    ).toBe(0);
    for (const lang of ['fr', 'es']) {
      const file = join('locales', `README.${lang}.md`);
      expect(readFileSync(join(viaMain, file), 'utf8')).toBe(readFileSync(join(viaTranslate, file), 'utf8'));
    }
    expect(readFileSync(join(viaMain, 'locales', 'README.es.md'), 'utf8')).toContain(
      '🌐 [English](../README.md) · **Español** · [Français](README.fr.md)',
    );
  });

  it('lists a language added later in the switchers of the translations already there', async () => {
    const project = tempProject(fixture);
    expect((await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo'], project)).status).toBe(0);
    const memory = readFileSync(join(project, 'locales', 'fr.po'), 'utf8');
    const before = readFileSync(join(project, 'locales', 'README.fr.md'), 'utf8');
    expect(before).toContain('🌐 [English](../README.md) · **Français**\n');
    expect((await runCliHere('translate', ['--lang', 'de', '--engine', 'pseudo'], project)).status).toBe(0);
    const after = readFileSync(join(project, 'locales', 'README.fr.md'), 'utf8');
    // Only the switcher changed; the memory of French was not touched.
    expect(after).toBe(
      before.replace(
        '🌐 [English](../README.md) · **Français**',
        '🌐 [English](../README.md) · [Deutsch](README.de.md) · **Français**',
      ),
    );
    expect(readFileSync(join(project, 'locales', 'fr.po'), 'utf8')).toBe(memory);
    expect((await runCliHere('readme-i18n', ['check'], project)).status).toBe(0);
  });

  it('lists a language added later in a translation of a file with mixed line endings, as check expects', async () => {
    const project = tempProject(fixture);
    // Mostly LF, one CRLF line (as @types/d3's README): the lines readme-i18n adds take the majority's LF.
    writeFileSync(join(project, 'README.md'), '# Title\r\n\nFirst paragraph.\n\nSecond paragraph.\n');
    expect((await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo'], project)).status).toBe(0);
    expect((await runCliHere('translate', ['--lang', 'de', '--engine', 'pseudo'], project)).status).toBe(0);
    const french = readFileSync(join(project, 'locales', 'README.fr.md'), 'utf8');
    expect(french).toContain(
      '<!-- readme-i18n:switcher:start -->\n🌐 [English](../README.md) · [Deutsch](README.de.md) · **Français**\n<!-- readme-i18n:switcher:end -->\n',
    );
    expect((await runCliHere('readme-i18n', ['check', '--lang', 'fr,de'], project)).status).toBe(0);
  });

  it('prints one JSON line per language with --json', async () => {
    const project = tempProject(fixture);
    const result = await runCliHere(
      'translate',
      ['--lang', 'fr,de', '--json', '--engine', 'identity', '--no-switcher'],
      project,
    );
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => Object.keys(line))).toEqual(
      Array(2).fill([
        'lang',
        'file',
        'units',
        'unitsUnique',
        'unitsSent',
        'charsSent',
        'charsBilled',
        'requests',
        'keptSource',
        'ms',
      ]),
    );
    expect(lines.map(({ lang, file, units, keptSource }) => ({ lang, file, units, keptSource }))).toEqual([
      { lang: 'fr', file: 'locales/README.fr.md', units: 5, keptSource: 0 },
      { lang: 'de', file: 'locales/README.de.md', units: 5, keptSource: 0 },
    ]);
  });

  it('with the identity engine and --no-switcher next to the source, reproduces the source', async () => {
    const project = tempProject(fixture);
    const result = await runCliHere(
      'translate',
      ['--lang', 'fr', '--engine', 'identity', '--no-switcher', '--out', 'README.{lang}.md'],
      project,
    );
    expect(result.status).toBe(0);
    expect(readFileSync(join(project, 'README.fr.md'), 'utf8')).toBe(
      readFileSync(join(project, 'README.md'), 'utf8'),
    );
  });

  it('warns, naming the source and the output, when a source has front matter and nothing below it', async () => {
    const project = tempProject();
    const source = '---\ntitle: Hello\nlayout: page\n---\n';
    writeFileSync(join(project, 'README.md'), source);
    const warning = (lang: string, written: string) =>
      `readme-i18n: warning: README.md has front matter and nothing below it: locales/README.${lang}.md ${written} written ` +
      'as a copy with nothing translated; write the text below the front matter, or name the front-matter keys to translate with --front-matter\n';
    const dry = await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo', '--dry-run'], project);
    expect(dry.status).toBe(0);
    expect(dry.stderr).toBe(warning('fr', 'would be'));
    const result = await runCliHere(
      'translate',
      ['--lang', 'fr,de', '--engine', 'pseudo', '--quiet'],
      project,
    );
    expect([result.status, result.stdout]).toEqual([0, '']);
    // Languages run at once: each warns once, in the order they end.
    expect(result.stderr.split(/(?<=\n)/).sort()).toEqual([warning('de', 'is'), warning('fr', 'is')]);
    expect(readFileSync(join(project, 'locales', 'README.fr.md'), 'utf8')).toBe(
      source +
        '<!-- readme-i18n:switcher:start -->\n🌐 [English](../README.md) · [Deutsch](README.de.md) · **Français**\n<!-- readme-i18n:switcher:end -->\n\n',
    );
    // A front-matter key named for translation is a unit: no copy, no warning.
    const keys = await runCliHere(
      'translate',
      ['--lang', 'fr', '--engine', 'pseudo', '--quiet', '--front-matter', 'title'],
      project,
    );
    expect(keys).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(project, 'locales', 'README.fr.md'), 'utf8')).toMatch(/^---\ntitle: Ĥéļļó··\n/);
  });

  it('translates the named keys of TOML front matter (+++) and keeps every other byte', async () => {
    const project = tempProject();
    const source =
      '+++\n# Hugo\ntitle = "Hello \\"world\\""\ndescription = \'Hello\'\nweight = 10\n' +
      'extra.title = "Hello"\n\n[params]\ntitle = "Hello"\n+++\n';
    writeFileSync(join(project, 'README.md'), source);
    const result = await runCliHere(
      'translate',
      ['--lang', 'fr', '--engine', 'pseudo', '--quiet', '--front-matter', 'title,description'],
      project,
    );
    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
    const output = readFileSync(join(project, 'locales', 'README.fr.md'), 'utf8');
    expect(output).toBe(
      '+++\n# Hugo\ntitle = "Ĥéļļó \\"ŵóŕļð\\"·····"\ndescription = \'Ĥéļļó··\'\nweight = 10\n' +
        'extra.title = "Hello"\n\n[params]\ntitle = "Hello"\n+++\n' +
        '<!-- readme-i18n:switcher:start -->\n🌐 [English](../README.md) · **Français**\n<!-- readme-i18n:switcher:end -->\n\n',
    );
    // Still TOML.
    expect(() => parseTOML(output.slice(4, output.indexOf('+++\n', 4)))).not.toThrow();
  });

  it('keeps the source of a TOML literal string whose translation has an apostrophe, naming the line and the fix', async () => {
    const project = tempProject();
    writeFileSync(join(project, 'README.md'), "+++\ntitle = 'The tool of the project'\n+++\n");
    const result = await runCliHere(
      'translate',
      ['--lang', 'ca', '--engine', 'apertium', '--quiet', '--front-matter', 'title'],
      project,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "  ca: line 2 kept its source text: the translation has an apostrophe, which a TOML literal string ('…') " +
        'cannot hold; write the source value in double quotes\n',
    );
    writeFileSync(join(project, 'README.md'), '+++\ntitle = "The tool of the project"\n+++\n');
    const quoted = await runCliHere(
      'translate',
      ['--lang', 'ca', '--engine', 'apertium', '--quiet', '--front-matter', 'title'],
      project,
    );
    expect([quoted.status, quoted.stderr]).toEqual([0, '']);
    expect(readFileSync(join(project, 'locales', 'README.ca.md'), 'utf8')).toMatch(
      /^\+\+\+\ntitle = "L'eina del projecte"\n\+\+\+\n/,
    );
  });

  it('sets a broken PO file aside with a warning and rebuilds the memory from the translated README', async () => {
    const project = tempProject(fixture);
    expect((await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo'], project)).status).toBe(0);
    const memory = join(project, 'locales', 'fr.po');
    const good = readFileSync(memory, 'utf8');
    writeFileSync(memory, 'msgid "unterminated\n');
    // Reading commands leave the broken file where it is.
    expect((await runCliHere('readme-i18n', ['check'], project)).status).toBe(1);
    expect(
      (await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo', '--dry-run'], project)).status,
    ).toBe(0);
    expect(readFileSync(memory, 'utf8')).toBe('msgid "unterminated\n');
    const result = await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo', '--json'], project);
    expect(result.stderr).toMatch(
      /^readme-i18n: warning: .*locales\/fr\.po is not a valid PO file \(.*\); moved it to .*locales\/fr\.po\.broken-[\dTZ-]+ and started an empty memory, rebuilt from the translated README\./,
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ unitsSent: 0, requests: 0 });
    const rebuilt = readFileSync(memory, 'utf8');
    expect(rebuilt.match(/^msgid /gm)?.length).toBe(good.match(/^msgid /gm)?.length);
    expect((await runCliHere('readme-i18n', ['check'], project)).status).toBe(0);
  });

  describe('bad input: a clear error, exit 2, nothing written, earlier outputs intact', async () => {
    const cases: Array<[string, (project: string) => string[], RegExp]> = [
      [
        'invalid UTF-8',
        (project) => {
          writeFileSync(
            join(project, 'README.md'),
            Buffer.from([0x23, 0x20, 0x48, 0x69, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]),
          );
          return ['--lang', 'fr'];
        },
        /README\.md is not valid UTF-8: byte 8 \(line 2\) is 0xe9; convert the file to UTF-8/,
      ],
      [
        'a missing file',
        () => ['--lang', 'fr', '--source', 'MISSING.md'],
        /cannot read .*MISSING\.md: no such file; pass the Markdown file to translate with --source/,
      ],
      [
        'an unknown language',
        () => ['--lang', 'frx'],
        /unknown language code 'frx' in --lang: did you mean 'fr'\?/,
      ],
      ['a language name', () => ['--lang', 'French'], /did you mean 'fr'\?/],
      [
        'a file over the size cap',
        () => ['--lang', 'fr', '--max-size', '10'],
        /README\.md is \d+ bytes, over the limit of 10; raise it with --max-size/,
      ],
      [
        'an output pattern without {lang}',
        () => ['--lang', 'fr', '--out', 'README.fr.md'],
        /--out 'README\.fr\.md' must contain \{lang\}/,
      ],
      [
        'an unknown engine',
        () => ['--lang', 'fr', '--engine', 'babel'],
        /unknown engine 'babel' in --engine/,
      ],
      [
        'a missing --lang',
        () => [],
        /no target language: pass --lang \(for example --lang fr,es\), set README_I18N_LANGUAGES, or add `languages:` to readme-i18n.config.yaml/,
      ],
    ];
    it.each(cases)('%s', async (_name, setup, message) => {
      const project = tempProject(fixture);
      const earlier = join(project, 'locales', 'README.fr.md');
      await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo'], project);
      const before = readFileSync(earlier, 'utf8');
      writeFileSync(earlier, `${before}<!-- edited -->\n`);
      const result = await runCliHere('translate', setup(project), project);
      expect(result.stderr).toMatch(message);
      expect(result.status).toBe(2);
      expect(readFileSync(earlier, 'utf8')).toBe(`${before}<!-- edited -->\n`);
      expect(existsSync(join(project, 'locales', 'README.de.md'))).toBe(false);
    });
  });
});
