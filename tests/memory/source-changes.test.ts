import { describe, expect, it } from 'vitest';
import { inferSourceChanges } from '../../src/memory/source-changes.js';

describe('inferSourceChanges', () => {
  it('pairs an edited unit with its old source', () => {
    expect(
      inferSourceChanges(['Title', 'Intro', 'Usage', 'End'], ['Title', 'Intro, edited', 'Usage', 'End']),
    ).toEqual([{ oldSource: 'Intro', newSource: 'Intro, edited' }]);
  });

  it('pairs several edits in order, and leaves runs of unequal length alone', () => {
    expect(inferSourceChanges(['A', 'B', 'C', 'D', 'E', 'F'], ['A', 'B2', 'C', 'New', 'D', 'F2'])).toEqual([
      { oldSource: 'B', newSource: 'B2' },
    ]);
    expect(inferSourceChanges(['A', 'B', 'C', 'D'], ['A', 'B2', 'C2', 'D'])).toEqual([
      { oldSource: 'B', newSource: 'B2' },
      { oldSource: 'C', newSource: 'C2' },
    ]);
  });

  it('infers nothing for a pure insertion, deletion, or reordering', () => {
    expect(inferSourceChanges(['A', 'B'], ['A', 'New', 'B'])).toEqual([]);
    expect(inferSourceChanges(['A', 'B', 'C'], ['A', 'C'])).toEqual([]);
    expect(inferSourceChanges(['A', 'B', 'C'], ['A', 'B', 'C'])).toEqual([]);
    expect(inferSourceChanges([], ['A'])).toEqual([]);
  });

  it('ignores repeated sources after their first place', () => {
    expect(inferSourceChanges(['A', 'X', 'B', 'X'], ['A', 'Y', 'B', 'Y'])).toEqual([
      { oldSource: 'X', newSource: 'Y' },
    ]);
  });
});
