import { describe, expect, it } from 'vitest';
import type { MemoryEntry } from '../../src/memory/entry.js';
import { harvest, type HarvestUnit } from '../../src/memory/harvest.js';
import type { MemoryView } from '../../src/memory/translation-memory.js';

const units = (...sources: string[]): HarvestUnit[] => sources.map((source) => ({ source }));

function view(
  ...entries: Array<Partial<MemoryEntry> & Pick<MemoryEntry, 'source' | 'translation'>>
): MemoryView {
  const map = new Map(
    entries.map((entry): [string, MemoryEntry] => [
      entry.source,
      { origin: 'engine:deepl', date: '2026-11-29', references: [], fuzzy: false, obsolete: false, ...entry },
    ]),
  );
  return { entry: (source) => map.get(source) };
}

const memory = view(
  { source: 'Install', translation: 'Installation' },
  { source: 'Run it', translation: 'Lancez-le' },
  { source: 'Old', translation: 'Vieux', obsolete: true },
  { source: 'Changed', translation: 'Ancien', origin: 'human', fuzzy: true },
  { source: 'Draft', translation: 'Brouillon', fuzzy: true },
);
const file = 'locales/README.fr.md';

describe('harvest', () => {
  it('finds a unit edited by hand and nothing else', () => {
    expect(
      harvest(units('Install', 'Run it'), units('Installation', 'Exécutez-le'), memory, { file }),
    ).toEqual({
      edits: [{ source: 'Run it', translation: 'Exécutez-le' }],
      recovered: [],
      warnings: [],
    });
  });

  it('ignores units left in the source language, empty ones, and unknown sources unless recovering', () => {
    const result = harvest(units('Install', 'Run it', 'New'), units('Install', '  ', 'Nouveau'), memory, {
      file,
    });
    expect(result).toEqual({ edits: [], recovered: [], warnings: [] });
    expect(
      harvest(units('Install', 'New'), units('Installation', 'Nouveau'), memory, { file, recover: true }),
    ).toEqual({
      edits: [],
      recovered: [{ source: 'New', translation: 'Nouveau' }],
      warnings: [],
    });
  });

  it('ignores obsolete entries (they did not produce this README) and old human texts awaiting the engine', () => {
    expect(harvest(units('Old', 'Changed'), units('Autre', 'Modifié'), memory, { file }).edits).toEqual([]);
  });

  it('takes an edit of a reviewable engine draft as the review', () => {
    expect(harvest(units('Draft'), units('Brouillon relu'), memory, { file }).edits).toEqual([
      { source: 'Draft', translation: 'Brouillon relu' },
    ]);
  });

  it('does not mistake units that swapped places for edits', () => {
    expect(
      harvest(units('Run it', 'Install'), units('Installation', 'Lancez-le'), memory, { file }).edits,
    ).toEqual([]);
  });

  it('harvests nothing, with a warning, when the structures differ', () => {
    expect(harvest(units('Install', 'Run it'), units('Installation'), memory, { file })).toEqual({
      edits: [],
      recovered: [],
      warnings: [
        "locales/README.fr.md: not harvested: it has 1 translatable units where the source has 2, so its edits cannot be matched to the source; make edits in the PO file instead, or keep the README's structure",
      ],
    });
  });

  it('keeps the first of two different edits of a repeated source and says so', () => {
    expect(
      harvest(
        units('Install', 'Install', 'Install'),
        units('Mise en place', 'Installer', 'Mise en place'),
        memory,
        {
          file,
        },
      ),
    ).toEqual({
      edits: [{ source: 'Install', translation: 'Mise en place' }],
      recovered: [],
      warnings: [
        'locales/README.fr.md: unit 2 repeats an earlier source with a different edit; kept the first, edit the PO file to choose',
      ],
    });
  });
});
