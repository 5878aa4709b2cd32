import { describe, expect, it } from 'vitest';
import { brokenEmojiPieces, emojiSequences, splitsEmoji } from '../../src/markdown/emoji.js';
import { refuseTranslation } from '../../src/pipeline/check-translation.js';
import { parseDocument } from '../../src/markdown/document.js';

describe('emoji sequences', () => {
  it('finds sequences of more than one code point: selector, skin tone, joiner, flag, keycap', () => {
    const text = 'a 🏛️ b 👍🏽 c 👩🏽‍💻 d 🇫🇷 e 1️⃣ f 🚀';
    expect(emojiSequences(text).map(([start, end]) => text.slice(start, end))).toEqual([
      '🏛️',
      '👍🏽',
      '👩🏽‍💻',
      '🇫🇷',
      '1️⃣',
    ]);
  });

  it('finds the pieces of a split sequence', () => {
    expect(brokenEmojiPieces('**[Parlamento 🏛](url)**\uFE0F')).toEqual(['*\uFE0F']);
    expect(brokenEmojiPieces('👩\u200D**💻**')).toEqual(['👩\u200D']);
    expect(brokenEmojiPieces('🇫 🇷')).toEqual(['🇫', '🇷']);
    expect(splitsEmoji('**[Parliament 🏛️](url)**', '**[Parlamento 🏛️](url)**')).toBe(false);
  });

  it('keeps each sequence as one placeholder, so no engine can split it', () => {
    const [unit] = parseDocument('**[Parliament 🏛️](https://example.com)**  \nNext 👩🏽‍💻 line\n').allUnits;
    expect(unit?.tagged).toBe(
      '<g id="1"><g id="2">Parliament <x id="3"/></g></g><x id="4"/>\nNext <x id="5"/> line',
    );
  });

  it('refuses a translation by hand that splits one', () => {
    const [unit] = parseDocument('**[Parliament 🏛️](https://example.com)**\n').allUnits;
    if (!unit) throw new Error('no unit');
    expect(refuseTranslation(unit, '**[Parlamento 🏛](https://example.com)**\uFE0F')).toBe(
      'splits an emoji sequence (a stray U+002A U+FE0F)',
    );
    expect(refuseTranslation(unit, '**[Parlamento 🏛️](https://example.com)**')).toBeUndefined();
  });
});
