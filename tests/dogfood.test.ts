import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const root = join(import.meta.dirname, '..');
const languages = ['es', 'ca', 'en-XA'];

it('this repository carries its README translated, current with the source (`npm run dogfood` refreshes it)', async () => {
  const result = await runCli('readme-i18n', ['check', '--lang', languages.join(',')], root);
  expect(
    result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace(/ \(.*$/, '')),
  ).toEqual(languages.map((lang) => `${lang}: up to date`));
  expect(result.status).toBe(0);
});

it('and its rendered site and PDFs', () => {
  for (const file of [
    'docs/index.html',
    ...languages.flatMap((lang) => [`docs/${lang}/index.html`, `docs/pdf/README.${lang}.pdf`]),
  ]) {
    expect(existsSync(join(root, file)), file).toBe(true);
  }
});
