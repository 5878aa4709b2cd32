import type { TaggedToken } from '../tagged-text.js';

/**
 * The white space at the end of each source line of a unit, before each of its line breaks, in
 * order: usually empty (two spaces or more would be a hard break, which is a tag).
 */
export function spaceBeforeBreaks(tokens: readonly TaggedToken[]): string[] {
  const spaces: string[] = [];
  for (const token of tokens) {
    if (token.type !== 'text') continue;
    for (const match of token.text.matchAll(/([ \t]*)\n/g)) spaces.push(match[1] ?? '');
  }
  return spaces;
}

/**
 * A translated text with the white space that an engine put around its line breaks taken out
 * (`check,\n you can` → `check,\nyou can`): the source's own line-end space and line prefix
 * (indentation, `> `) are put back at each break, so an engine's spaces would only add to them.
 */
export function trimAroundBreaks(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, '\n');
}
