import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseDocument, renderDocument } from '../../src/markdown/document.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { walkTree } from '../../src/markdown/walk-tree.js';
import { refuseTranslation } from '../../src/pipeline/check-translation.js';
import { expectFile, fixtureCases, fixturesRoot, readJson } from '../helpers/fixtures.js';
import { sameFolder } from '../helpers/translate-document.js';

/**
 * Shapes met in READMEs nobody here wrote (packages' READMEs translated with Apertium), each in a
 * small document of our own: `answers.json` holds what an engine returned for each unit, as it
 * returned it (stray spaces, moved tags…); `output.md` is the file the tool must write from them.
 * `hand.json` lists translations a person might write for a unit, and whether they are refused.
 */
const folder = join(fixturesRoot, 'field-shapes');

interface HandTranslation {
  readonly tagged: string;
  readonly markdown: string;
  readonly refused: string | null;
}

/** Links and images found through a definition, by label: a translation must not lose one. */
function references(markdown: string): string[] {
  const found: string[] = [];
  walkTree<Nodes>(parseMarkdown(markdown), (node) => {
    if (node.type === 'linkReference' || node.type === 'imageReference') found.push(node.identifier);
  });
  return found.sort();
}

describe.each(fixtureCases(folder))('field shape %s', (name) => {
  const input = readFileSync(join(folder, name, 'input.md'), 'utf8');
  const answers = readJson<Record<string, string>>(join(folder, name, 'answers.json'), {});
  const hand = readJson<HandTranslation[]>(join(folder, name, 'hand.json'), []);

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
    expect(references(result.text)).toEqual(references(input));
  });

  const withHand = hand.length > 0 ? it : undefined;
  withHand?.('refuses the hand translations that break the source', () => {
    const units = parseDocument(input).allUnits;
    const verdicts = hand.map(({ tagged, markdown }) => {
      const unit = units.find((each) => each.tagged === tagged);
      expect(unit, tagged).toBeDefined();
      return refuseTranslation(unit as (typeof units)[number], markdown) ?? null;
    });
    expect(verdicts).toEqual(hand.map((each) => each.refused));
  });
});
