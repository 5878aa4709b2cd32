import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliHere, tempProject } from '../helpers/cli.js';

/** Each message names the real problem and its fix, and the run writes nothing. */
describe('messages that name the real problem', () => {
  it('refuses a language tag with an invalid region, naming the valid one', async () => {
    const project = tempProject();
    writeFileSync(join(project, 'README.md'), '# Hello\n');
    const result = await runCliHere('translate', ['--lang', 'es-SP', '--engine', 'pseudo'], project);
    expect([result.status, result.stderr]).toEqual([
      2,
      "readme-i18n: unknown language code 'es-SP' in --lang: did you mean 'es-ES'? \"SP\" is not a valid region. " +
        'Use BCP 47 tags such as fr, pt-BR, zh-Hans or ast.\n',
    ]);
    expect(existsSync(join(project, 'locales'))).toBe(false);
  });

  it('says the source language is not a target', async () => {
    const project = tempProject();
    writeFileSync(join(project, 'README.md'), '# Hello\n');
    const result = await runCliHere('translate', ['--lang', 'en', '--engine', 'apertium'], project);
    expect([result.status, result.stderr]).toEqual([
      2,
      'readme-i18n: --lang en is the source language (--from en): the source is already in it; ' +
        'leave en out of --lang, or set --from to the language the source is written in\n',
    ]);
  });

  it('says why Apertium has no pair for a pseudo-locale or a variant of the source, not which package to install', async () => {
    const project = tempProject();
    writeFileSync(join(project, 'README.md'), '# Hello\n');
    const pseudo = await runCliHere('translate', ['--lang', 'en-XA', '--engine', 'apertium'], project);
    expect([pseudo.status, pseudo.stderr]).toEqual([
      2,
      'readme-i18n: Apertium cannot translate en → en-XA: en-XA is a pseudo-locale (accented, padded text to test a layout), ' +
        'not a language; translate it with the pseudo engine: readme-i18n translate --lang en-XA --engine pseudo\n',
    ]);
    const variant = await runCliHere('translate', ['--lang', 'en-GB', '--engine', 'apertium'], project);
    expect([variant.status, variant.stderr]).toEqual([
      2,
      "readme-i18n: Apertium cannot translate en → en-GB: en-GB is a variant of the source's own language, and Apertium " +
        'translates between languages; use an engine that writes variants (DeepL: en-GB, en-US, pt-BR, pt-PT…), or leave ' +
        'en-GB out of the languages\n',
    ]);
    const doctor = await runCliHere('readme-i18n', ['doctor', '--lang', 'en-XA'], project, {
      DEEPL_AUTH_KEY: '',
    });
    expect(doctor.stdout).toContain(
      'problem  Apertium en → en-XA: en-XA is a pseudo-locale (accented, padded text to test a layout), not a language\n' +
        '         fix: translate it with the pseudo engine: readme-i18n translate --lang en-XA --engine pseudo\n',
    );
    expect(existsSync(join(project, 'locales'))).toBe(false);
  });

  it('says a PNG is not a Markdown text file', async () => {
    const project = tempProject();
    writeFileSync(join(project, 'logo.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const result = await runCliHere(
      'translate',
      ['--lang', 'fr', '--engine', 'pseudo', '--source', 'logo.png'],
      project,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'logo.png is a PNG image, not a Markdown text file; pass a Markdown file with --source\n',
    );
    expect(existsSync(join(project, 'locales'))).toBe(false);
  });

  it('writes nothing for an empty README, and says so', async () => {
    const project = tempProject();
    writeFileSync(join(project, 'README.md'), '\uFEFF \n\n');
    const result = await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo'], project);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'README.md holds nothing but white space: there is nothing to translate, and nothing was written; write the file first\n',
    );
    writeFileSync(join(project, 'README.md'), '');
    expect((await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo'], project)).stderr).toContain(
      'README.md is empty: there is nothing to translate, and nothing was written; write the file first\n',
    );
    expect(existsSync(join(project, 'locales'))).toBe(false);
  });

  it('names UTF-16 with its byte order mark as such', async () => {
    const project = tempProject();
    const text = (order: 'utf16le' | 'ucs2') => Buffer.from('\uFEFF# Hi\n', order);
    writeFileSync(join(project, 'README.md'), text('utf16le'));
    const result = await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo'], project);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /README\.md is UTF-16LE text \(its first bytes are the byte order mark FF FE\), not UTF-8: convert it with `iconv -f utf-16 -t utf-8`\n$/,
    );
    writeFileSync(join(project, 'README.md'), Buffer.from(text('utf16le')).swap16());
    expect((await runCliHere('translate', ['--lang', 'fr', '--engine', 'pseudo'], project)).stderr).toMatch(
      /README\.md is UTF-16BE text \(its first bytes are the byte order mark FE FF\)/,
    );
    expect(existsSync(join(project, 'locales'))).toBe(false);
  });
});
