import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeeplEngine } from '../../src/engines/deepl.js';
import { parseDocument } from '../../src/markdown/document.js';
import { hasSameTags, repairTags } from '../../src/pipeline/repair-tags.js';
import { startDeeplServer, type DeeplServer, type DeeplServerFaults } from '../servers/deepl-server.js';

/** Real READMEs through the DeepL engine and a misbehaving server, then through repairTags. */
const corpus = new URL('../../../shared/corpus/', import.meta.url);
const present = existsSync(corpus);
if (!present) console.warn(`deepl-corpus: skipped, no corpus at ${corpus.pathname}`);

const files = ['best-readme-template.md', 'awesome.md', 'lpic-305-300.md'];

let server: DeeplServer;
beforeAll(async () => {
  server = await startDeeplServer();
});
afterAll(async () => {
  await server.close();
});

async function translateAll(units: readonly string[]): Promise<string[]> {
  const engine = createDeeplEngine({ authKey: 'corpus:fx', serverUrl: server.url, initialBackoffMs: 1 });
  const batches: Array<Promise<string[]>> = [];
  for (let i = 0; i < units.length; i += 50) {
    batches.push(engine.translate(units.slice(i, i + 50), { from: 'en', to: 'fr' }).then((r) => r.texts));
  }
  return (await Promise.all(batches)).flat();
}

describe.skipIf(!present).each(files)('DeepL engine and tag repair on %s', (file) => {
  const units = present
    ? [...new Set(parseDocument(readFileSync(new URL(file, corpus), 'utf8')).allUnits.map((u) => u.tagged))]
    : [];

  it('gets every unit back, tags untouched, from a well-behaved server', async () => {
    server.setFaults({});
    const translated = await translateAll(units);
    expect(translated).toHaveLength(units.length);
    translated.forEach((text, i) => expect(repairTags(units[i] ?? '', text)).toBe(text));
  });

  it.each<[string, DeeplServerFaults]>([
    ['lost spaces and punctuation pulled into tags', { dropSpaceBeforeTag: true, punctuationIntoTag: true }],
    ['reordered, dropped and duplicated tags', { reorderTags: true, dropTag: true, duplicateTag: true }],
  ])('never returns a broken tag set after %s', async (_case, faults) => {
    server.setFaults({});
    const clean = await translateAll(units);
    server.setFaults(faults);
    const mangled = await translateAll(units);
    let restored = 0;
    let refused = 0;
    mangled.forEach((text, i) => {
      const repaired = repairTags(units[i] ?? '', text);
      if (repaired === undefined) refused += 1;
      else expect(hasSameTags(units[i] ?? '', repaired)).toBe(true);
      if (repaired === clean[i]) restored += 1;
    });
    console.info(
      `${file}: ${_case}: ${units.length} units, ${restored} restored exactly, ${refused} refused`,
    );
    // Lost spaces and moved punctuation are always repairable, back to the clean translation.
    if (faults.dropTag !== true) expect([restored, refused]).toEqual([units.length, 0]);
  });
});
