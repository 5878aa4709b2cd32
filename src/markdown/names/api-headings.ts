import type { Nodes, Root } from 'mdast';
import { nodeRange } from '../node-range.js';
import { eachNode } from '../tree-walk.js';
import type { PlaceName } from './types.js';

// Keywords that stand before a signature in an API heading: `static isPathValid(…)`, `async run()`.
const modifiers = /^(?:(?:static|async|abstract|readonly|public|protected|private|get|set|new)[ \t]+)+/u;
// A function or method and where it belongs: `.ignores`, `ignore`, `uuid.v3`, `axios#request`.
const callee = /[.#]?[\p{L}_$][\p{L}\p{N}_$]*(?:[.#][\p{L}_$][\p{L}\p{N}_$]*)*/uy;
// Its arguments, one level of brackets deep, then a return type up to the heading's end, two spaces or
// a word that starts a note (`since 5.0.0`, `deprecated`): `(pathname: Pathname): boolean`.
const argumentsAndType =
  /\([^()\n]{0,120}\)(?::[ \t]*[\p{L}_$][\p{L}\p{N}_$.<>&;[\]|?, ]*?[\p{L}\p{N}_$>;\]?](?=[ \t]*$|[ \t]{2}|[ \t]+(?:since|deprecated|new in|added in)\b))?/iuy;

/** One text node of a block and where its value stands in the block's text. */
interface Piece {
  readonly at: number;
  readonly value: string;
  readonly source: number;
  readonly sourceEnd: number;
  /** Whether the source writes the value as is (no character reference nor escape inside). */
  readonly literal: boolean;
}

/** A block's text as written (code by its value, links by their text, HTML tags left out), and its text nodes. */
function blockText(block: Nodes): { text: string; pieces: Piece[]; codeAt: Set<number> } {
  let text = '';
  const pieces: Piece[] = [];
  const codeAt = new Set<number>();
  eachNode(block, (node: Nodes) => {
    if (node.type === 'text') {
      const { start, end } = nodeRange(node);
      pieces.push({
        at: text.length,
        value: node.value,
        source: start,
        sourceEnd: end,
        literal: end - start === node.value.length,
      });
      text += node.value;
    } else if (node.type === 'inlineCode') {
      codeAt.add(text.length);
      text += node.value;
    }
  });
  return { text, pieces, codeAt };
}

/**
 * The span of a heading's text that is an API signature, if it opens with one: a method
 * (`.ignores(pathname: [Pathname](#…)): boolean`, a link inside), a function the code calls
 * (`ignore(options)`, `$( selector, [context] )`; not `Usage(s)`), keywords before code
 * (``static `isPathValid(…)` ``), or the name alone of a function the code calls (`optimize`).
 */
function signatureSpan(
  text: string,
  codeAt: ReadonlySet<number>,
  calls: (name: string) => boolean,
  heading: boolean,
): [number, number] | undefined {
  const keywords = modifiers.exec(text)?.[0].length ?? 0;
  // `static` before the signature written as code: the keyword is the signature's too.
  if (keywords > 0 && codeAt.has(keywords)) return [0, keywords];
  callee.lastIndex = keywords;
  const name = callee.exec(text)?.[0];
  if (name === undefined) return undefined;
  const member = /[.#]/u.test(name);
  if (!member && !calls(name)) return undefined;
  if (heading && keywords === 0 && !member && name === text.trimEnd() && /^\p{Ll}/u.test(name))
    return [0, name.length];
  argumentsAndType.lastIndex = keywords + name.length;
  const rest = argumentsAndType.exec(text)?.[0];
  if (rest === undefined) return undefined;
  return [0, keywords + name.length + rest.length];
}

// A function the code calls: a name not inside a longer one nor after `.` or `#`, then `(`.
const codeCall = /(?<![\p{L}\p{N}_$.#])([\p{L}_$][\p{L}\p{N}_$]*)[ \t]*\(/gu;

/**
 * Whether the document's code, inline or in blocks, calls a function by that name: `ignore()`, `$('li')`.
 * The names called are gathered in one pass over the code, not searched again per name.
 */
function codeCalls(tree: Root): (name: string) => boolean {
  const called = new Set<string>();
  eachNode(tree, (node) => {
    if (node.type === 'inlineCode' || node.type === 'code')
      for (const match of node.value.matchAll(codeCall)) called.add(match[1] as string);
  });
  return (name) => called.has(name);
}

/** Places one block's signature span, piece by piece. */
function placeSpan(pieces: readonly Piece[], [from, to]: [number, number], place: PlaceName): void {
  for (const piece of pieces) {
    const start = Math.max(from, piece.at);
    const end = Math.min(to, piece.at + piece.value.length);
    const kept = piece.value.slice(start - piece.at, end - piece.at);
    if (end <= start || !/\S/u.test(kept)) continue;
    // `Array&lt;Pathname&gt;`, `\$(`: offsets of the value are not the source's; the whole node only.
    if (!piece.literal) {
      if (kept.length === piece.value.length)
        place({ start: piece.source, end: piece.sourceEnd }, 'call signature');
      continue;
    }
    const lead = kept.length - kept.trimStart().length;
    const trail = kept.length - kept.trimEnd().length;
    place(
      { start: piece.source + start - piece.at + lead, end: piece.source + end - piece.at - trail },
      'call signature',
    );
  }
}

/**
 * Places the text of API signatures that their text nodes split where a link, code or HTML stands
 * inside, each piece alone looking like prose (`): boolean`, `static`, `<i>options</i>`): a heading that
 * opens with one (see `signatureSpan`), and a paragraph that is one, after the anchor d3's API
 * references put first (`<a name="readFile" href="#readFile">#</a> rw.<b>readFile</b>(<i>path</i>)`).
 */
export function placeSignatures(tree: Root, place: PlaceName): void {
  let calls: ((name: string) => boolean) | undefined;
  const called = (name: string) => (calls ??= codeCalls(tree))(name);
  eachNode(tree, (node) => {
    if (node.type !== 'heading' && node.type !== 'paragraph') return;
    const { text, pieces, codeAt } = blockText(node);
    const lead = node.type === 'paragraph' ? (/^[#¶]?[ \t]*/u.exec(text)?.[0].length ?? 0) : 0;
    const shifted = new Set([...codeAt].map((at) => at - lead));
    const span = signatureSpan(text.slice(lead), shifted, called, node.type === 'heading');
    if (span === undefined) return;
    if (node.type === 'paragraph' && lead + span[1] < text.trimEnd().length) return;
    placeSpan(pieces, [lead + span[0], lead + span[1]], place);
  });
}
