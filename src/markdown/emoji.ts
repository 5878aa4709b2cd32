const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const pictographic = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
/** What continues an emoji: variation selector 16, skin tones, the keycap mark. */
const modifier = /\ufe0f|\p{Emoji_Modifier}|\u20e3/u;
const emojiJoiners = /\ufe0f|\u200d|\p{Emoji_Modifier}|\u20e3|\p{Regional_Indicator}/u;

/**
 * The emoji sequences of more than one code point in `text` (`🏛️` with its variation selector,
 * `👩🏽‍💻`, `🇫🇷`, `1️⃣`), as [start, end) pairs: one unit each, never split across a tag.
 */
export function emojiSequences(text: string): Array<[number, number]> {
  if (!emojiJoiners.test(text)) return [];
  const spans: Array<[number, number]> = [];
  for (const { segment, index } of graphemes.segment(text)) {
    if (pictographic.test(segment) && [...segment].length > 1) spans.push([index, index + segment.length]);
  }
  return spans;
}

/**
 * Pieces of broken emoji sequences in `text`: a variation selector, joiner or skin tone cut from its
 * emoji, a sequence that ends on a joiner, a lone regional indicator (half a flag).
 */
export function brokenEmojiPieces(text: string): string[] {
  if (!emojiJoiners.test(text)) return [];
  const pieces: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    if (
      (modifier.test(segment) && !pictographic.test(segment.replace(/\p{Emoji_Modifier}/gu, ''))) ||
      (segment.endsWith('\u200d') && pictographic.test(segment)) ||
      /^\p{Regional_Indicator}$/u.test(segment)
    )
      pieces.push(segment);
  }
  return pieces;
}

/** Whether `translation` splits an emoji sequence that `source` keeps whole. */
export function splitsEmoji(source: string, translation: string): boolean {
  return brokenEmojiPieces(translation).length > brokenEmojiPieces(source).length;
}
