import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkApertium } from '../../src/config/checks/apertium-check.js';
import { note, ok, problem } from '../../src/config/checks/check.js';
import { checkFontFamilies } from '../../src/config/checks/fonts-check.js';
import { formatReport } from '../../src/config/checks/format-report.js';
import { checkNode } from '../../src/config/checks/node-check.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('checkNode', () => {
  it.each([
    ['20.19.0', 'ok'],
    ['20.20.2', 'ok'],
    ['22.1.0', 'ok'],
    ['v21.0.0', 'ok'],
    ['20.18.3', 'problem'],
    ['18.20.0', 'problem'],
  ])('%s against >=20.19 is %s', (version, status) => {
    expect(checkNode(version, '>=20.19').status).toBe(status);
  });

  it('says what is needed and how to get it', () => {
    expect(checkNode('18.20.0', '>=20.19')).toEqual(
      problem('Node.js', '18.20.0 is too old: readme-i18n needs >=20.19', [
        'nvm install 20 && nvm use 20   # or install Node.js 20 LTS from https://nodejs.org',
      ]),
    );
  });
});

describe('checkFontFamilies', () => {
  it('finds the families in fc-list lines, several per line', () => {
    expect(
      checkFontFamilies([
        'Noto Sans CJK JP,Noto Sans CJK JP Regular',
        'Noto Naskh Arabic',
        'Noto Color Emoji',
      ]),
    ).toEqual(ok('fonts', 'Noto Sans CJK (Chinese, Japanese, Korean), Noto Sans Arabic, Noto Color Emoji'));
  });

  it('names only the packages of the missing fonts', () => {
    expect(checkFontFamilies(['DejaVu Sans', 'Noto Sans Arabic UI,Noto Sans Arabic'])).toEqual(
      problem(
        'fonts',
        'missing Noto Sans CJK (Chinese, Japanese, Korean), Noto Color Emoji: PDFs would show empty boxes for these scripts',
        ['sudo apt-get install fonts-noto-cjk fonts-noto-color-emoji'],
      ),
    );
  });
});

describe('checkApertium', () => {
  const modesDir = tempDir('readme-i18n-modes-');
  for (const mode of ['eng-spa', 'eng-cat_valencia', 'eng-cat'])
    writeFileSync(join(modesDir, `${mode}.mode`), '');

  it('finds variant directions and names the package of a missing pair', async () => {
    expect(
      await checkApertium({ from: 'en', langs: ['ca-ES-valencia', 'eu'], required: true, modesDir }),
    ).toEqual([
      ok('Apertium en → ca-ES-valencia', 'direction eng-cat_valencia'),
      problem('Apertium en → eu', 'direction eng-eus is not installed', [
        'sudo apt-get install apertium-eu-en',
      ]),
    ]);
  });

  it('makes a missing pair a note when Apertium is not the engine', async () => {
    expect(await checkApertium({ from: 'en', langs: ['eu'], required: false, modesDir })).toEqual([
      note('Apertium en → eu', 'direction eng-eus is not installed', ['sudo apt-get install apertium-eu-en']),
    ]);
  });
});

describe('formatReport', () => {
  it('puts each fix under its problem and counts the problems', () => {
    expect(
      formatReport([
        ok('Node.js', '20.20.2'),
        problem('Chromium', 'not found', [
          'sudo apt-get install chromium',
          'export PUPPETEER_EXECUTABLE_PATH=…',
        ]),
        note('DeepL', 'no key', ['export DEEPL_AUTH_KEY=<your key>']),
      ]),
    ).toBe(
      [
        'ok       Node.js: 20.20.2',
        'problem  Chromium: not found',
        '         fix: sudo apt-get install chromium',
        '         or:  export PUPPETEER_EXECUTABLE_PATH=…',
        'note     DeepL: no key',
        '         try: export DEEPL_AUTH_KEY=<your key>',
        '1 problem: run the fix lines above, then readme-i18n doctor again',
        '',
      ].join('\n'),
    );
    expect(formatReport([ok('Node.js', '20.20.2')])).toBe('ok       Node.js: 20.20.2\nno problems found\n');
  });
});
