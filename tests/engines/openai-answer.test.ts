import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSegment, describeTagDifference, readAnswer } from '../../src/engines/openai-answer.js';
import { estimateTokens } from '../../src/engines/token-estimate.js';
import { repairTags } from '../../src/pipeline/repair-tags.js';

const segments = fc.dictionary(fc.stringMatching(/^\d{1,3}$/), fc.string({ maxLength: 40 }), {
  minKeys: 1,
  maxKeys: 6,
});
/** Chatter a model puts around its JSON: no braces in it, as a model's prose rarely has. */
const chatter = fc.string({ maxLength: 30 }).filter((text) => !/[{}]/.test(text));

describe('reading a model answer', () => {
  it('finds the JSON object whatever preface, code fence or epilogue surrounds it', () => {
    fc.assert(
      fc.property(segments, chatter, chatter, fc.boolean(), (values, before, after, fence) => {
        const json = JSON.stringify(values, null, fence ? 2 : 0);
        const content = fence
          ? `${before}\n\`\`\`json\n${json}\n\`\`\`\n${after}`
          : `${before}${json}${after}`;
        expect(readAnswer(content, Object.keys(values))).toEqual(values);
      }),
    );
  });

  it('unwraps an object that holds the segments one level down, and refuses what is no object', () => {
    expect(readAnswer('{"translations": {"1": "un", "2": "deux"}}', ['1', '2'])).toEqual({
      1: 'un',
      2: 'deux',
    });
    expect(readAnswer('Sorry, I cannot help with that.', ['1'])).toBeUndefined();
    expect(readAnswer('{"1": "un", "2": ', ['1', '2'])).toBeUndefined();
    expect(readAnswer('["un"]', ['1'])).toBeUndefined();
  });
});

describe('judging one segment', () => {
  const check = { from: 'en', to: 'fr', repairTags };
  const source = ' Run <x id="1"/> and read <g id="2">the guide</g> first. ';

  it('accepts a translation with every tag, giving back the source edges', () => {
    expect(
      checkSegment(source, 'Lancez <x id="1"/> et lisez <g id="2">le guide</g> d’abord.', check),
    ).toEqual({
      ok: true,
      text: ' Lancez <x id="1"/> et lisez <g id="2">le guide</g> d’abord. ',
    });
  });

  it('names what is wrong: left out, not a string, empty, tags beyond repair, untranslated', () => {
    expect(checkSegment(source, undefined, check)).toEqual({
      ok: false,
      problem: 'the answer left this segment out',
    });
    expect(checkSegment(source, 3, check)).toEqual({
      ok: false,
      problem: 'the answer for this segment is not a string',
    });
    expect(checkSegment(source, '  ', check)).toEqual({ ok: false, problem: 'the translation is empty' });
    expect(
      checkSegment(source, 'Lancez et lisez <g id="2">le guide</g> <x id="9"/> d’abord.', check),
    ).toEqual({
      ok: false,
      problem: 'it lost <x id="1"/> and it added <x id="9"/>; keep every tag of the source exactly once',
    });
    expect(checkSegment(source, source, check)).toEqual({
      ok: false,
      problem: 'the segment came back untranslated',
    });
    // Between two variants of one language, the same words are a fine translation.
    expect(checkSegment(source, source, { ...check, from: 'en-US', to: 'en-GB' }).ok).toBe(true);
  });

  it('lets the pipeline repair a tag lost where the source pins it down', () => {
    expect(checkSegment('<x id="1"/> is the tool.', 'est l’outil.', check)).toEqual({
      ok: true,
      text: '<x id="1"/> est l’outil.',
    });
  });

  it('finds every tag dropped from a segment', () => {
    const tags = ['<x id="1"/>', '<x id="2"/>', '<g id="3">', '</g>'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), (drop) => {
        const text = `a ${tags[0]} b ${tags[1]} c ${tags[2]}d${tags[3]} e`;
        const dropped = text.replace(tags[drop] ?? '', '');
        expect(describeTagDifference(text, dropped)).toBe(
          `it lost ${tags[drop]}; keep every tag of the source exactly once`,
        );
      }),
    );
  });
});

describe('estimating tokens', () => {
  it('grows with the text and counts a non-ASCII character as at least a token', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(estimateTokens(a + b)).toBeGreaterThanOrEqual(Math.max(estimateTokens(a), estimateTokens(b)));
      }),
    );
    expect(estimateTokens('abcd'.repeat(10))).toBe(10);
    expect(estimateTokens('日本語')).toBe(3);
  });
});
