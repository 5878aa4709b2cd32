import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasSameTags, repairTags } from '../../src/pipeline/repair-tags.js';
import { serializeTagged, type TaggedToken } from '../../src/tagged-text.js';

describe('repairTags: what it fixes', () => {
  it.each([
    ['a space lost before a tag', 'foo <x id="1"/> bar', 'foo<x id="1"/> bar', 'foo <x id="1"/> bar'],
    ['a space lost after a tag', 'foo <x id="1"/> bar', 'foo <x id="1"/>bar', 'foo <x id="1"/> bar'],
    [
      'spaces lost around a wrapping tag',
      'see <g id="1">the docs</g> now',
      'voir<g id="1">la doc</g>maintenant',
      'voir <g id="1">la doc</g> maintenant',
    ],
    [
      'white space pushed inside a wrapping tag',
      'a <g id="1">bold</g> word',
      'un<g id="1"> gras </g>mot',
      'un <g id="1">gras</g> mot',
    ],
    [
      'punctuation pulled inside a closing tag',
      'Read <g id="1">the docs</g>.',
      'Lisez <g id="1">la doc.</g>',
      'Lisez <g id="1">la doc</g>.',
    ],
    [
      'punctuation pulled before a verbatim tag',
      'Run <x id="1"/>, then',
      'Lancez, <x id="1"/> puis',
      'Lancez <x id="1"/>, puis',
    ],
    [
      'an opening parenthesis pushed inside',
      'a (<g id="1">note</g>)',
      'une <g id="1">(note</g>)',
      'une (<g id="1">note</g>)',
    ],
    [
      'a duplicated verbatim tag',
      'use <x id="1"/> here',
      'utilisez <x id="1"/> ici <x id="1"/>',
      'utilisez <x id="1"/> ici ',
    ],
    [
      'a duplicated wrapping tag',
      'a <g id="1">b</g> c',
      '<g id="1">A</g> <g id="1">B</g> C',
      '<g id="1">A</g> B C',
    ],
    ['an invented tag', 'hello world', 'bonjour <x id="9"/>monde', 'bonjour monde'],
    ['a verbatim tag dropped at the start', '<x id="1"/> is fast', 'est rapide', '<x id="1"/> est rapide'],
    ['a verbatim tag dropped at the end', 'install <x id="1"/>', 'installez', 'installez <x id="1"/>'],
    [
      'a verbatim tag dropped next to another tag',
      'run <x id="1"/> <x id="2"/> now',
      'lancez <x id="1"/> maintenant',
      'lancez <x id="1"/> <x id="2"/> maintenant',
    ],
    ['a wrapper of the whole unit dropped', '<g id="1">Note</g>', 'Remarque', '<g id="1">Remarque</g>'],
    [
      'a wrapper of the whole unit left open',
      '<g id="1">Note</g>',
      '<g id="1">Remarque',
      '<g id="1">Remarque</g>',
    ],
  ])('repairs %s', (_case, source, translated, expected) => {
    expect(repairTags(source, translated)).toBe(expected);
    expect(hasSameTags(source, expected)).toBe(true);
  });

  it('leaves CJK text glued to tags, as those scripts write it', () => {
    expect(repairTags('use <x id="1"/> now', '<x id="1"/>を使う')).toBe('<x id="1"/>を使う');
  });

  it('does not add a space before punctuation', () => {
    expect(repairTags('foo <x id="1"/> bar', 'foo <x id="1"/>, bar')).toBe('foo <x id="1"/>, bar');
  });

  it('keeps XML escapes as they came when nothing needs repair', () => {
    const source = 'a &amp; <x id="1"/> &quot;b&quot;';
    expect(repairTags(source, source)).toBe(source);
  });
});

describe('repairTags: what it refuses', () => {
  it.each([
    ['a verbatim tag dropped mid-sentence', 'run <x id="1"/> then stop', 'lancez puis arrêtez'],
    ['a wrapping tag dropped mid-sentence', 'a <g id="1">bold</g> word', 'un mot gras'],
    ['a stray closing tag', 'a <g id="1">b</g> c', 'a b</g> c'],
    ['a wrapping tag left open mid-sentence', 'a <g id="1">b</g> c', 'a <g id="1">b c'],
  ])('gives up on %s', (_case, source, translated) => {
    expect(repairTags(source, translated)).toBeUndefined();
  });
});

describe('hasSameTags', () => {
  it.each([
    ['<x id="1"/> <g id="2">a</g>', '<g id="2">b</g><x id="1"/>', true],
    ['<x id="1"/>', '', false],
    ['<x id="1"/>', '<x id="1"/><x id="1"/>', false],
    ['<g id="1">a</g>', '<g id="1">a', false],
    ['<g id="1"><g id="2">a</g></g>', '<g id="2"><g id="1">a</g></g>', true],
    ['a', 'b</g>', false],
    ['a', '<x id="3"/>', false],
  ])('%s vs %s → %s', (source, translated, expected) => {
    expect(hasSameTags(source, translated)).toBe(expected);
  });
});

/** Well-formed tagged units: words and spaces, `<x/>` tags and nested `<g>` pairs, unique ids. */
const taggedUnit = fc
  .array(
    fc.oneof(
      fc.constantFrom('word', ' ', 'a b', '. ', ', ', '(', ')', 'é', '&', '<'),
      fc.constant('x' as const),
      fc.constant('g' as const),
    ),
    { maxLength: 12 },
  )
  .map((parts) => {
    const tokens: TaggedToken[] = [];
    let id = 0;
    const open: number[] = [];
    for (const part of parts) {
      if (part === 'x') tokens.push({ type: 'x', id: ++id });
      else if (part === 'g') {
        // Alternate: open a new wrapper, or close the innermost one.
        if (open.length > 0 && id % 2 === 0) tokens.push({ type: 'close', id: open.pop() ?? 0 });
        else {
          open.push(++id);
          tokens.push({ type: 'open', id });
        }
      } else tokens.push({ type: 'text', text: part });
    }
    while (open.length > 0) tokens.push({ type: 'close', id: open.pop() ?? 0 });
    return serializeTagged(tokens);
  });

const tagOf = /<x id="\d+"\/>|<g id="\d+">|<\/g>/g;

describe('repairTags: properties', () => {
  it('returns an untouched translation unchanged', () => {
    fc.assert(fc.property(taggedUnit, (unit) => repairTags(unit, unit) === unit));
  });

  it('yields a valid tag set whenever it accepts a permuted, dropped or duplicated set of tags', () => {
    fc.assert(
      fc.property(
        taggedUnit,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.constantFrom('drop', 'duplicate', 'swap', 'unspace'), { maxLength: 3 }),
        (unit, picks, edits) => {
          let pieces = unit.split(/(<x id="\d+"\/>|<g id="\d+">|<\/g>)/).filter((piece) => piece !== '');
          edits.forEach((edit, index) => {
            const tags = pieces.flatMap((piece, at) => (tagOf.test(piece) ? [at] : []));
            tagOf.lastIndex = 0;
            if (tags.length === 0) return;
            const at = tags[(picks[index] ?? 0) % tags.length] ?? 0;
            const other = tags[(picks[index + 1] ?? 0) % tags.length] ?? 0;
            if (edit === 'drop') pieces = pieces.filter((_, i) => i !== at);
            if (edit === 'duplicate')
              pieces = [...pieces.slice(0, at), pieces[at] ?? '', ...pieces.slice(at)];
            if (edit === 'swap') {
              const copy = [...pieces];
              [copy[at], copy[other]] = [pieces[other] ?? '', pieces[at] ?? ''];
              pieces = copy;
            }
            if (edit === 'unspace')
              pieces = pieces.map((piece, i) => (i === at - 1 ? piece.trimEnd() : piece));
          });
          const repaired = repairTags(unit, pieces.join(''));
          return repaired === undefined || hasSameTags(unit, repaired);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
