import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Group } from './unit.js';

/**
 * How a translated reference link closes. In `[foo]` and `[foo][]` the text is the label that finds
 * the link's definition: once the text is translated, `[texte]` would find none and show as plain
 * text, so the label is written after it, `[texte][foo]`. A text the translation left as it was keeps
 * the source's own `]` or `][]`. `closing` is the source's closing bytes; `text` the link text written.
 */
export function closeReference(group: Group, text: string, closing: string): string {
  const reference = group.reference;
  if (!reference?.shortcut || sameLabel(text, reference.label)) return closing;
  return `][${reference.label.replace(/[ \t]*\r?\n[ \t>]*/g, ' ')}]`;
}

/** Whether two link labels find the same definition (case and runs of white space aside). */
export function sameLabel(a: string, b: string): boolean {
  return normalizeIdentifier(a) === normalizeIdentifier(b);
}

/**
 * `markdown` followed by a definition of each label, so that a unit read on its own parses its
 * reference links as links (without their definitions, `[foo]` is plain text).
 */
export function withDefinitions(markdown: string, labels: readonly string[]): string {
  if (labels.length === 0) return markdown;
  const definitions = [...new Set(labels)].map((label) => `[${label.replace(/\s*\r?\n[\s>]*/g, ' ')}]: #`);
  return `${markdown}\n\n${definitions.join('\n')}\n`;
}
