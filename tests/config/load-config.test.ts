import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { loadConfig } from '../../src/config/load-config.js';
import { fixturesRoot } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

const cases = join(fixturesRoot, 'config-load');

/** Loads a fixture folder and returns the usage error's message; fails if it loads. */
async function errorOf(folder: string): Promise<string> {
  const error: unknown = await loadConfig(join(cases, folder)).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UsageError);
  expect((error as UsageError).exitCode).toBe(2);
  return (error as UsageError).message;
}

describe('loadConfig: files that load', () => {
  it('reads every key of readme-i18n.config.json, as written (no defaults added)', async () => {
    expect(await loadConfig(join(cases, 'valid-json'))).toEqual({
      file: 'readme-i18n.config.json',
      config: {
        sources: ['README.md', 'docs/*.md'],
        from: 'en',
        languages: ['fr', 'pt-BR'],
        engine: 'deepl',
        formality: { fr: 'more', 'pt-BR': 'less' },
        glossary: ['Vagrant', 'XAPI'],
        terms: { 'pull request': { fr: 'demande de fusion' } },
        out: 'locales/{name}.{lang}.md',
        memory: 'locales/{lang}.po',
        frontMatter: ['title'],
        switcher: false,
        concurrency: 2,
        render: { out: 'site', html: true, pdf: false, allowRemote: false },
        release: { tag: 'docs-latest', assets: 'site/**/*.pdf', draft: true },
      },
    });
  });

  it('reads readme-i18n.config.yaml with comments', async () => {
    expect(await loadConfig(join(cases, 'valid-yaml'))).toEqual({
      file: 'readme-i18n.config.yaml',
      config: { languages: ['es', 'ca-ES-valencia'], engine: 'apertium', render: { pdf: true } },
    });
  });

  it('reads readme-i18n.config.yml', async () => {
    expect(await loadConfig(join(cases, 'valid-yml'))).toEqual({
      file: 'readme-i18n.config.yml',
      config: { languages: ['de'] },
    });
  });

  it('takes an empty YAML file as an empty configuration', async () => {
    expect(await loadConfig(join(cases, 'empty-yaml'))).toEqual({
      file: 'readme-i18n.config.yaml',
      config: {},
    });
  });

  it('reads the readme-i18n key of package.json', async () => {
    expect(await loadConfig(join(cases, 'package-json'))).toEqual({
      file: 'package.json',
      config: { languages: ['ja'], switcher: true },
    });
  });

  it('returns an empty configuration and no file when there is none', async () => {
    expect(await loadConfig(join(cases, 'package-json-without-key'))).toEqual({
      file: undefined,
      config: {},
    });
    expect(await loadConfig(tempDir('readme-i18n-config-'))).toEqual({
      file: undefined,
      config: {},
    });
  });
});

describe('loadConfig: errors name the file, the key, the value and what was expected', () => {
  it('an unknown key, at the top and nested', async () => {
    expect(await errorOf('unknown-key')).toBe(
      [
        'readme-i18n.config.json: render.landscape: unknown key; expected one of out, html, pdf, allowRemote',
        'readme-i18n.config.json: langs: unknown key (did you mean languages?); expected one of sources, from, languages, engine, ' +
          'model, timeout, formality, glossary, terms, out, memory, frontMatter, switcher, concurrency, render, release',
      ].join('\n'),
    );
  });

  it('an unknown key that differs only in case or separators, in a file with a byte-order mark', async () => {
    const allowed =
      'expected one of sources, from, languages, engine, model, timeout, formality, glossary, terms, out, memory, frontMatter, ' +
      'switcher, concurrency, render, release';
    expect(await errorOf('unknown-key-case')).toBe(
      [
        `readme-i18n.config.json: front_matter: unknown key (did you mean frontMatter?); ${allowed}`,
        `readme-i18n.config.json: Languages: unknown key (did you mean languages?); ${allowed}`,
      ].join('\n'),
    );
  });

  it('values of the wrong type', async () => {
    expect(await errorOf('wrong-type')).toBe(
      [
        "readme-i18n.config.yaml: languages: 'fr' is a string; expected a list of language codes such as [fr, pt-BR]",
        "readme-i18n.config.yaml: switcher: 'yes' is a string; expected true or false",
        'readme-i18n.config.yaml: concurrency: 0 is not allowed; expected a whole number of at least 1',
        'readme-i18n.config.yaml: release.draft: 1 is a number; expected true or false',
      ].join('\n'),
    );
  });

  it('a bad language code, in a list and as a key', async () => {
    expect(await errorOf('bad-language')).toBe(
      [
        "readme-i18n.config.json: languages[1]: 'frx' is not a language code; expected BCP 47 tags such as fr, pt-BR, ast",
        "readme-i18n.config.json: formality: key 'french' is not a language code; expected BCP 47 tags such as fr, pt-BR, ast",
        "readme-i18n.config.json: formality.de: 'polite' is not allowed; expected one of 'default', 'more', 'less'",
      ].join('\n'),
    );
  });

  it('an unknown engine and an output pattern without {lang}', async () => {
    expect(await errorOf('bad-engine')).toBe(
      [
        "readme-i18n.config.json: engine: 'google' is not an engine; expected one of deepl, openai, apertium, pseudo, identity",
        "readme-i18n.config.json: out: 'translations/README.md' does not contain {lang}; " +
          'expected a path pattern such as locales/README.{lang}.md',
      ].join('\n'),
    );
  });

  it('a file that is not a mapping', async () => {
    expect(await errorOf('not-a-mapping')).toBe(
      'readme-i18n.config.yaml: ["fr","es"] is a list; expected a mapping of settings, such as { languages: [fr, es] }',
    );
  });

  it('two configuration files at once', async () => {
    expect(await errorOf('two-files')).toBe(
      'readme-i18n.config.json and readme-i18n.config.yaml both configure readme-i18n; ' +
        'keep one of them and delete the other.',
    );
  });

  it('a configuration file and a package.json key at once', async () => {
    expect(await errorOf('file-and-package')).toBe(
      'readme-i18n.config.yml and package.json ("readme-i18n" key) both configure readme-i18n; ' +
        'keep one of them and delete the other.',
    );
  });

  it('JSON syntax, with line and column', async () => {
    expect(await errorOf('bad-json-syntax')).toBe(
      'readme-i18n.config.json:3:1: not valid JSON (Expected double-quoted property name). Fix the syntax there; ' +
        'JSON allows no comments or trailing commas (use readme-i18n.config.yaml for comments).',
    );
  });

  it('YAML syntax, with line and column', async () => {
    expect(await errorOf('bad-yaml-syntax')).toBe(
      'readme-i18n.config.yaml:3:1: not valid YAML (A block sequence may not be used as an implicit map key). ' +
        'Fix the syntax there.',
    );
  });

  it.skipIf(process.getuid?.() === 0)('a file it may not read', async () => {
    const folder = tempDir('readme-i18n-config-');
    writeFileSync(join(folder, 'readme-i18n.config.json'), '{}');
    chmodSync(join(folder, 'readme-i18n.config.json'), 0o000);
    await expect(loadConfig(folder)).rejects.toThrow(
      `cannot read ${join(folder, 'readme-i18n.config.json')} (EACCES); check its permissions.`,
    );
  });
});
