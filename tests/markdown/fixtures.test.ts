import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/markdown/document.js';
import { expectFile, fixtureCases, fixturesRoot, readJson } from '../helpers/fixtures.js';
import { identity, localesFrench, pseudo, sameFolder, translateText } from '../helpers/translate-document.js';

const folder = join(fixturesRoot, 'markdown');

describe.each(fixtureCases(folder))('fixture %s', (name) => {
  const input = readFileSync(join(folder, name, 'input.md'), 'utf8');
  const options = readJson<{ glossary?: string[]; frontMatter?: string[] }>(
    join(folder, name, 'config.json'),
    {},
  );

  it('identity returns the input byte for byte', async () => {
    const result = await translateText(input, identity, sameFolder, options);
    expect(result.text).toBe(input);
    expect(result.keptSource).toEqual([]);
  });

  it('extracts the expected units', () => {
    const units = parseDocument(input, options).allUnits.map(
      (unit) => `${unit.kind} ${unit.line}: ${unit.tagged}`,
    );
    expectFile(join(folder, name, 'units.txt'), `${units.join('\n')}\n`);
  });

  it('pseudo-translates to the expected output', async () => {
    const result = await translateText(input, pseudo, localesFrench, options);
    expect(result.keptSource).toEqual([]);
    expectFile(join(folder, name, 'output.md'), result.text);
  });
});
