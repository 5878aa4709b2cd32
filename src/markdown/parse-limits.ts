import { InputError } from '../errors.js';

/**
 * Limits checked before a Markdown text is parsed. The parser (micromark) takes time that grows
 * with the square of some constructs: blockquotes and lists nested on one line, and the `*`, `_`,
 * `~`, `[` and `]` of one paragraph, each of which it may match against every earlier one. A few
 * hundred KB of them take minutes and block the process (signals included), and deep nesting
 * overflows the stack of the libraries that walk the tree. Real documents stay far below these.
 */
export const markdownLimits = {
  /** Blockquote and list markers that open containers on one line (markdown-it stops at 100 levels). */
  nesting: 32,
  /** `*`, `_` and `~` in one paragraph, heading or table row. */
  delimiters: 1000,
  /** `[` and `]` in one paragraph, heading or table row. */
  brackets: 1000,
} as const;

/** A Markdown text the parser would take too long on, or nest too deep: exit 2, naming construct and line. */
export class MarkdownLimitError extends InputError {
  readonly line: number;

  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

// What may open a container at the start of a line: `>`, or a list marker followed by white space.
const containerMarker = /(>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/y;
const leadingSpace = /[ \t]*/y;
const blank = /^[ \t]*$/;
// What starts a new paragraph's worth of inline text after the containers: a heading.
const blockStart = /^#{1,6}(?:[ \t]|$)/;
const fence = /^(`{3,}|~{3,})/;
// A table's delimiter row (`| --- | :-: |`): each row after it is inline text of its own.
const tableDelimiter = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

// A link reference definition, `[label]: destination "title"`: a run of them is no paragraph.
const definition = /^\[(?:[^\]\\]|\\.)*\]:/;

interface Paragraph {
  /** Its first line. */
  line: number;
  /** Lines of text so far. */
  lines: number;
  /** Whether it is a run of link reference definitions, each line of which is parsed on its own. */
  readonly definitions: boolean;
  delimiters: number;
  brackets: number;
}

const startParagraph = (line: number, definitions = false): Paragraph => ({
  line,
  lines: 0,
  definitions,
  delimiters: 0,
  brackets: 0,
});

/**
 * Throws `MarkdownLimitError` when `text` has more of a construct than `markdownLimits` allows; in
 * one pass, linear in the text. Counts are an upper bound of what the parser sees (code spans,
 * indented code and HTML count as prose) but for fenced code, which is left out.
 */
export function checkMarkdownLimits(text: string): void {
  let paragraph = startParagraph(1);
  let inTable = false;
  let inFence: { readonly marker: string; readonly indent: number } | undefined;
  // What may come before a fence indented 4 or more: else it is the text of a paragraph.
  let previousBlank = true;
  let listContent = -1;
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    lineNumber++;
    leadingSpace.lastIndex = 0;
    leadingSpace.exec(line);
    const indent = leadingSpace.lastIndex;
    let position = indent;
    let nesting = 0;
    let listItem = false;
    containerMarker.lastIndex = position;
    for (let marker = containerMarker.exec(line); marker; marker = containerMarker.exec(line)) {
      nesting++;
      listItem ||= marker[1] !== '>';
      position = containerMarker.lastIndex;
    }
    if (nesting > markdownLimits.nesting) {
      throw new MarkdownLimitError(
        `line ${lineNumber} nests blockquotes and lists ${nesting.toLocaleString('en')} deep (\`>\`, \`-\` or \`1.\` markers), ` +
          `more than the ${markdownLimits.nesting} accepted: the Markdown parser slows down with the square of that nesting; nest less`,
        lineNumber,
      );
    }
    const rest = line.slice(position).replace(/\r$/, '');
    const isBlank = blank.test(rest);
    const opensFence = fence.exec(rest)?.[1];
    // Fenced code is not parsed as inline text; a line indented less than its fence (as when the
    // fence was in a list item) is counted as prose, which never undercounts.
    if (inFence !== undefined && (isBlank || indent >= inFence.indent)) {
      const { marker } = inFence;
      if (opensFence !== undefined && opensFence[0] === marker[0] && opensFence.length >= marker.length)
        inFence = undefined;
      continue;
    }
    inFence = undefined;
    const fenceIndent = nesting === 0 ? indent : 0;
    const canFence =
      fenceIndent <= 3 || previousBlank || (listContent >= 0 && fenceIndent <= listContent + 3);
    previousBlank = isBlank;
    listContent = listItem ? position : -1;
    if (opensFence !== undefined && canFence) {
      inFence = { marker: opensFence, indent: fenceIndent };
      continue;
    }
    if (isBlank || listItem || inTable || blockStart.test(rest)) paragraph = startParagraph(lineNumber);
    if (isBlank) inTable = false;
    else if (rest.includes('|') && rest.includes('-') && tableDelimiter.test(rest)) inTable = true;
    // Definitions cannot interrupt a paragraph: only a run of them from the start is one.
    if (definition.test(rest) && (paragraph.lines === 0 || paragraph.definitions))
      paragraph = startParagraph(lineNumber, true);
    else if (paragraph.definitions) paragraph = startParagraph(lineNumber);
    if (paragraph.lines === 0) paragraph.line = lineNumber;
    if (!isBlank) paragraph.lines++;
    for (let index = 0; index < rest.length; index++) {
      const char = rest.charCodeAt(index);
      if (char === 0x2a || char === 0x5f || char === 0x7e) paragraph.delimiters++;
      else if (char === 0x5b || char === 0x5d) paragraph.brackets++;
    }
    if (paragraph.delimiters > markdownLimits.delimiters) {
      throw new MarkdownLimitError(
        `the paragraph at line ${paragraph.line} has more than ${markdownLimits.delimiters.toLocaleString('en')} \`*\`, \`_\` or \`~\` ` +
          `(${paragraph.delimiters.toLocaleString('en')} by line ${lineNumber}): the Markdown parser matches each against the earlier ones, ` +
          'in time that grows with the square of their number; split the paragraph, or escape them as `\\*`',
        paragraph.line,
      );
    }
    if (paragraph.brackets > markdownLimits.brackets) {
      throw new MarkdownLimitError(
        `the paragraph at line ${paragraph.line} has more than ${markdownLimits.brackets.toLocaleString('en')} \`[\` or \`]\` ` +
          `(${paragraph.brackets.toLocaleString('en')} by line ${lineNumber}): the Markdown parser matches each against the earlier ones, ` +
          'in time that grows with the square of their number; split the paragraph, or escape them as `\\[`',
        paragraph.line,
      );
    }
  }
}
