import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keptWordsOf, rewording } from '../../src/pipeline/term-changes.js';

const word = fc.stringMatching(/^[a-z]{1,8}$/);
const capitalised = fc.stringMatching(/^[A-Z][a-z]{2,8}$/);

describe('rewording a stored translation for a term written otherwise', () => {
  it('puts the new wording exactly where the old one was, and is then done', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(word, fc.constant('@')), { minLength: 1, maxLength: 30 }),
        fc.uniqueArray(capitalised, { minLength: 3, maxLength: 3 }),
        fc.constantFrom(' ', ', ', ' (', '**'),
        (parts, [term = '', old = '', next = ''], glue) => {
          const times = parts.filter((part) => part === '@').length;
          fc.pre(times > 0);
          const text = (wording: string) => parts.map((part) => (part === '@' ? wording : part)).join(glue);
          const before = keptWordsOf([], { [term]: { es: old } }, 'es');
          const after = keptWordsOf([], { [term]: { es: next } }, 'es');
          const spans = Array.from({ length: times }, () => term);
          expect(rewording(text(old), spans, before, after)).toEqual({ text: text(next) });
          // A run stopped after the rewrite finds it done; the same settings change nothing.
          expect(rewording(text(next), spans, before, after)).toBe('unchanged');
          expect(rewording(text(old), spans, before, before)).toBe('unchanged');
          // The old wording once more than the unit keeps the term: which one is the term's is unknown.
          expect(rewording(`${text(old)} ${old}`, spans, before, after)).toBe('send');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves an old wording that is part of the new one alone (Swarm → Docker Swarm)', () => {
    const before = keptWordsOf([], { Swarm: {} }, 'es');
    const after = keptWordsOf([], { Swarm: { es: 'Docker Swarm' } }, 'es');
    const rewritten = rewording('Escala el Swarm y el Swarm.', ['Swarm', 'Swarm'], before, after);
    expect(rewritten).toEqual({ text: 'Escala el Docker Swarm y el Docker Swarm.' });
    if (typeof rewritten !== 'object') return;
    expect(rewording(rewritten.text, ['Swarm', 'Swarm'], before, after)).toBe('unchanged');
  });
});
