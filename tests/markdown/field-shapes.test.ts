import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, renderDocument } from '../../src/markdown/document.js';
import { expectFile, fixtureCases, fixturesRoot, readJson } from '../helpers/fixtures.js';
import { sameFolder } from '../helpers/translate-document.js';

/**
 * Shapes met in READMEs nobody here wrote (packages' READMEs translated with Apertium), each in a
 * small document of our own: `answers.json` holds what an engine returned for each unit, as it
 * returned it (stray spaces, moved tags…); `output.md` is the file the tool must write from them.
 */
const folder = join(fixturesRoot, 'field-shapes');

describe.each(fixtureCases(folder))('field shape %s', (name) => {
  const input = readFileSync(join(folder, name, 'input.md'), 'utf8');
  const answers = readJson<Record<string, string>>(join(folder, name, 'answers.json'), {});

  it('writes the expected output from the engine answers', () => {
    const document = parseDocument(input);
    const sent = document.allUnits.filter((unit) => unit.prose).map((unit) => unit.tagged);
    expect(Object.keys(answers).sort()).toEqual([...new Set(sent)].sort());
    const result = renderDocument(
      document,
      (unit) => ({ tagged: answers[unit.tagged] ?? unit.tagged }),
      sameFolder,
    );
    expect(result.keptSource).toEqual([]);
    expectFile(join(folder, name, 'output.md'), result.text);
  });
});
