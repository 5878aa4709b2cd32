import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownShape, parsedShape } from '../../src/markdown/structure.js';

/** Characters that take part in Markdown constructs, or sit near them, and plain ones. */
const pieces = fc.constantFrom(
  ...'abc XYZ é·ü 1 2. 3) - + = : / . , ; \' " ( ) { } % ? – … \u00a0 \u2028 \t \n \r'.split(' '),
  ' ',
  '*',
  '_',
  '`',
  '[',
  ']',
  '<',
  '>',
  '!',
  '#',
  '|',
  '~',
  '$',
  '&',
  '\\',
  '@',
  '^',
  'www.',
  'WWW.',
  'http://',
  'https://x.org',
  'mailto:',
  'a@b.cd',
  '&amp;',
  '1.',
  '---',
  '===',
);

describe('the shape of a translation, read without the parser where nothing can be Markdown', () => {
  it('is what the parser reads, for any text', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), fc.string({ maxLength: 12 }), (parts, noise) => {
        for (const text of [parts.join(''), parts.join(' '), `${parts.join('')}${noise}`])
          expect(markdownShape(text)).toBe(parsedShape(text));
      }),
      { numRuns: 150 },
    );
  });

  it('reads plain prose, with its punctuation and letters of any script, without the parser', () => {
    expect(markdownShape('Über 1986: les (vraies) données, 50 % – «oui»?')).toBe('paragraph');
    expect(markdownShape('see www.example.org')).toBe('2 paragraph>link paragraph');
    expect(markdownShape('a *b*')).toBe('2 paragraph>emphasis paragraph');
  });

  it('is the same when a translation reorders links and code, not when it nests them otherwise', () => {
    const source = markdownShape('use the `a` method in [b `c`](u) now');
    expect(markdownShape('in [b `c`](u), use the method `a`')).toBe(source);
    expect(markdownShape('use the [`a` method in b `c`](u)')).not.toBe(source);
    expect(markdownShape('use the `a` method in b `c` now')).not.toBe(source);
  });
});
