import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/markdown/document.js';
import { loadMemory } from '../../src/memory/load-memory.js';
import { corpusFiles, hasCorpus, readCorpus } from '../helpers/corpus.js';
import { msgfmtCheck } from './helpers.js';
import { tempDir } from '../helpers/temp-dir.js';

const now = (): Date => new Date('2026-11-29T05:13:56Z');
/** A stand-in translation that changes every letter, keeps the edges, and is easy to check. */
const translate = (source: string): string =>
  `⟦${source.replace(/[a-z]/g, (letter) => letter.toUpperCase())}⟧`;

function units(
  markdown: string,
  name: string,
  document = parseDocument(markdown),
): Array<{ source: string; reference: string }> {
  return document.allUnits
    .filter((unit) => unit.source !== '')
    .map((unit) => ({ source: unit.source, reference: `${name}:${unit.line}` }));
}

/** One run: reuse what the memory has, "translate" the rest, save. Returns the sources sent. */
async function run(
  file: string,
  used: ReadonlyArray<{ source: string; reference: string }>,
): Promise<string[]> {
  const memory = await loadMemory(file, 'fr', { now });
  expect(memory.warnings).toEqual([]);
  const sent = [...new Set(used.map((unit) => unit.source))].filter(
    (source) => memory.lookup(source) === undefined,
  );
  for (const source of sent) memory.record(source, translate(source), { origin: 'engine:pseudo' });
  memory.markUsed(used);
  memory.finish();
  await memory.save();
  return sent;
}

/** The document's units with `paragraph` added before the first ATX heading of its second half. */
function withParagraph(
  markdown: string,
  paragraph: string,
  name: string,
  document = parseDocument(markdown),
): ReturnType<typeof units> | undefined {
  const lines = markdown.split('\n');
  const heading = document.units.find(
    (unit) =>
      unit.kind === 'heading' && unit.line > lines.length / 2 && lines[unit.line - 1]?.startsWith('#'),
  );
  if (!heading) return undefined;
  const at = heading.line - 1;
  const result = units([...lines.slice(0, at), '', paragraph, '', ...lines.slice(at)].join('\n'), name);
  return result.some((unit) => unit.source === paragraph) ? result : undefined;
}

describe.skipIf(!hasCorpus)('the memory on the real READMEs of ../shared/corpus', () => {
  it.each(corpusFiles())(
    '%s: valid PO, stable, and an inserted paragraph is the only unit sent',
    async (name) => {
      const file = join(tempDir('readme-i18n-memory-'), 'fr.po');
      const markdown = readCorpus(name);
      // Parsed once: a corpus file takes seconds.
      const document = parseDocument(markdown);
      const original = units(markdown, name, document);
      const first = await run(file, original);
      expect(first).toEqual([...new Set(original.map((unit) => unit.source))]);
      expect(msgfmtCheck(file)).toEqual({ status: 0, stderr: '' });
      const bytes = await readFile(file);

      expect(await run(file, original)).toEqual([]);
      expect(await readFile(file)).toEqual(bytes);

      // A new paragraph in the second half of the document: content keys, not positions.
      const paragraph = 'A paragraph inserted by the memory test.';
      const inserted = withParagraph(markdown, paragraph, name, document);
      expect(inserted, `${name}: found no heading in its second half`).toBeDefined();
      expect(await run(file, inserted ?? [])).toEqual([paragraph]);
      const memory = await loadMemory(file, 'fr', { now });
      expect(memory.entries().filter((entry) => entry.obsolete)).toEqual([]);
      for (const unit of original) expect(memory.lookup(unit.source)).toBe(translate(unit.source));
    },
  );
});
