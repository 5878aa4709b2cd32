import type { Protector } from './unit-builder.js';

/** A run of backticks, then anything but that run, then the same run: a code span as Markdown reads one. */
const codeSpan = /(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g;

/**
 * `protect`, and also every `` `code` `` span of the line: in plain text that Markdown does not parse
 * (a link's title, an alt text, an HTML attribute), backticks still mark code for the reader
 * (`"Returns `true` if…"`), which no engine may translate.
 */
export function withCodeSpans(protect: Protector): Protector {
  return (text, offset) => {
    const spans = [...text.matchAll(codeSpan)].map((match): [number, number] => [
      match.index,
      match.index + match[0].length,
    ]);
    if (spans.length === 0) return protect(text, offset);
    const others = protect(text, offset).filter(([from, to]) =>
      spans.every(([start, end]) => to <= start || from >= end),
    );
    return [...spans, ...others].sort((a, b) => a[0] - b[0]);
  };
}
