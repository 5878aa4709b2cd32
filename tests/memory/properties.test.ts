import { fingerprint } from '../../src/memory/fingerprint.js';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MemoryEntry, Origin } from '../../src/memory/entry.js';
import { loadMemory } from '../../src/memory/load-memory.js';
import { TranslationMemory } from '../../src/memory/translation-memory.js';
import { msgfmtCheck } from './helpers.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Characters that stress PO quoting and comment syntax, plus non-ASCII text. */
const character = fc.constantFrom(
  'a',
  'Z',
  ' ',
  '"',
  '\\',
  '\t',
  '\n',
  '\r',
  '#',
  '~',
  '|',
  ',',
  ':',
  '*',
  '`',
  '<',
  '>',
  'é',
  'ß',
  '日',
  '😀',
  '\u00a0',
  'msgid ',
);
const text = fc.string({ unit: character, maxLength: 40 });
/** Texts that often begin or end with a newline, which msgfmt checks between msgid and msgstr. */
const edgy = fc.oneof(
  text,
  text.map((value) => `${value}\n`),
  text.map((value) => `\n${value}`),
);
const day = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const origin: fc.Arbitrary<Origin> = fc.oneof(
  fc.constant('human' as const),
  fc.stringMatching(/^[\w.-]{1,12}$/).map((name): Origin => `engine:${name}`),
);

const entry = fc
  .record({
    source: text.filter((source) => source !== ''),
    translation: text,
    origin,
    date: day,
    references: fc.array(fc.stringMatching(/^[\w./-]{1,20}:\d{1,4}$/), { maxLength: 3 }),
    fuzzy: fc.boolean(),
    previous: fc.option(fc.record({ source: text, translation: text }), { nil: undefined }),
    obsolete: fc.boolean(),
    comment: fc.option(fc.stringMatching(/^[a-z]+( [a-z]+){0,3}$/), { nil: undefined }),
  })
  .map((raw): MemoryEntry => {
    // Previous versions only exist on fuzzy entries; gettext has no place for them otherwise.
    const { previous, comment, ...rest } = raw;
    return {
      ...rest,
      ...(raw.fuzzy && previous ? { previous } : {}),
      ...(comment === undefined ? {} : { comment }),
    };
  });

describe('the PO round trip', () => {
  it('gives back every entry saved, whatever its text', async () => {
    const folder = tempDir('readme-i18n-memory-');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(entry, { selector: (item) => item.source, maxLength: 8 }),
        async (entries) => {
          const file = join(folder, `fr-${run++}.po`);
          const now = (): Date => new Date('2026-11-29T05:13:56Z');
          const memory = new TranslationMemory({
            file,
            lang: 'fr',
            content: { headers: [], entries, warnings: [] },
            written: undefined,
            now,
            warnings: [],
          });
          await memory.save();
          const loaded = await loadMemory(file, 'fr', { now });
          expect(loaded.warnings).toEqual([]);
          const bySource = (list: readonly MemoryEntry[]): MemoryEntry[] =>
            [...list].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
          // Saving is the tool writing each msgstr: what it loads back knows that text as its own.
          const written = memory
            .entries()
            .map((item) => ({ ...item, written: fingerprint(item.translation) }));
          expect(bySource(loaded.entries())).toEqual(bySource(written));
          expect(await loaded.save()).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('passes msgfmt --check for any text recorded through the API', async () => {
    const folder = tempDir('readme-i18n-memory-');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          fc.tuple(
            edgy.filter((source) => source !== ''),
            edgy,
            fc.boolean(),
          ),
          {
            selector: ([source]) => source,
            maxLength: 6,
          },
        ),
        async (records) => {
          const file = join(folder, `api-${run++}.po`);
          const memory = await loadMemory(file, 'fr');
          for (const [source, translation, human] of records) {
            memory.record(source, translation, { origin: human ? 'human' : 'engine:deepl' });
          }
          memory.markUsed(records.slice(1).map(([source]) => source));
          memory.finish();
          // Nothing recorded: no file, rather than one holding only the header.
          expect(await memory.save()).toBe(records.length > 0);
          if (records.length > 0) expect(msgfmtCheck(file)).toEqual({ status: 0, stderr: '' });
        },
      ),
      { numRuns: 60 },
    );
  });
});
