import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
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

  it('pairs a paragraph reworded and moved in the same run, by likeness', () => {
    expect(
      inferSourceChanges(
        ['Title', 'Install the packages.', 'Write the configuration file.', 'Start the service.'],
        ['Title', 'Install the packages.', 'Start the service.', 'Write the configuration file first.'],
      ),
    ).toEqual([
      { oldSource: 'Write the configuration file.', newSource: 'Write the configuration file first.' },
    ]);
  });

  it('pairs a reworded paragraph next to an inserted one, and prefers likeness over position', () => {
    expect(
      inferSourceChanges(
        ['Title', 'Run the tests before you push.', 'End'],
        ['Title', 'A new paragraph about something else.', 'Run the unit tests before you push.', 'End'],
      ),
    ).toEqual([
      { oldSource: 'Run the tests before you push.', newSource: 'Run the unit tests before you push.' },
    ]);
    // Two paragraphs rewritten in place whose order also swapped: each goes to the one it resembles.
    expect(
      inferSourceChanges(
        ['Title', 'Clone the repository.', 'Build the documentation.', 'End'],
        ['Title', 'Build all the documentation.', 'Clone the repository first.', 'End'],
      ),
    ).toEqual([
      { oldSource: 'Build the documentation.', newSource: 'Build all the documentation.' },
      { oldSource: 'Clone the repository.', newSource: 'Clone the repository first.' },
    ]);
  });

  it('does not pair a moved paragraph that did not change, nor texts that do not resemble each other', () => {
    expect(
      inferSourceChanges(['A long paragraph.', 'Another one.'], ['Another one.', 'A long paragraph.']),
    ).toEqual([]);
    expect(
      inferSourceChanges(
        ['Title', 'Deleted text here.', 'Middle', 'End'],
        ['Title', 'Middle', 'Totally different words.', 'End'],
      ),
    ).toEqual([]);
  });

  // Sentences that do not resemble one another (checked below), as a README's paragraphs.
  const pool = [
    'Install the package with npm before anything else.',
    'The configuration file lives in the home folder.',
    'Run the tests with a single command.',
    'Contributions are welcome; open an issue first.',
    'This project is licensed under the MIT licence.',
    'Screenshots show the dashboard on a phone.',
    'Each release is signed and published on Fridays.',
    'Questions go to the discussion board, not to issues.',
    'Benchmarks were measured on a laptop from 2019.',
    'Thanks to everyone who reported a bug.',
  ];

  it('pairs every paragraph edited a little with its new text, whatever the order (property)', () => {
    for (const a of pool)
      for (const b of pool)
        if (a !== b)
          expect(distance(a, b) / Math.max(a.length, b.length), `${a} / ${b}`).toBeGreaterThan(0.6);
    // A small edit: a word inserted or removed, or a word changed.
    type SmallEdit = { readonly kind: 'insert' | 'remove' | 'replace'; readonly at: number };
    const smallEdit = fc.record({ kind: fc.constantFrom('insert', 'remove', 'replace'), at: fc.nat() });
    const editOf = (sentence: string, edit: SmallEdit) => {
      const words = sentence.split(' ');
      const at = edit.at % words.length;
      if (edit.kind === 'insert') words.splice(at, 0, 'really');
      else if (edit.kind === 'remove') words.splice(at, 1);
      else words[at] = `${words[at] ?? ''}x`;
      return words.join(' ');
    };
    const paragraphs = fc.subarray(pool, { minLength: 1 }).chain((chosen) =>
      fc.record({
        chosen: fc.constant(chosen),
        // The new order, and for each paragraph an edit or none.
        order: fc.shuffledSubarray(
          chosen.map((_, index) => index),
          { minLength: chosen.length, maxLength: chosen.length },
        ),
        edits: fc.array(fc.option(smallEdit), { minLength: chosen.length, maxLength: chosen.length }),
      }),
    );
    fc.assert(
      fc.property(paragraphs, ({ chosen, order, edits }) => {
        const edited = new Map<string, string>();
        chosen.forEach((sentence, index) => {
          const edit = edits[index];
          if (edit) edited.set(sentence, editOf(sentence, edit));
        });
        const current = order.map((index) => chosen[index] as string).map((s) => edited.get(s) ?? s);
        const changes = inferSourceChanges(chosen, current);
        expect(new Map(changes.map((change) => [change.oldSource, change.newSource]))).toEqual(edited);
      }),
      { numRuns: 300 },
    );
  });
});
