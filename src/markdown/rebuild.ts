import { parseTagged, type TaggedToken } from '../tagged-text.js';
import { escapeFrontMatter, type FrontMatterValue } from './front-matter.js';
import { spaceBeforeBreaks, trimAroundBreaks } from './line-break-space.js';
import { closeReference } from './reference-links.js';
import { markdownShape } from './structure.js';
import type { Range, Unit } from './unit.js';

export type RebuildResult =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

const emphasisTypes = new Set(['emphasis', 'strong', 'delete']);
const shapeChecked = new Set(['paragraph', 'heading', 'tableCell']);
const sourceShapes = new WeakMap<Unit, string>();

/**
 * Puts a translated unit back together: each tag becomes the exact source slice it stands for, each
 * line break the source's line ending and container prefix. Markdown prose is re-parsed on its own and
 * must have the shape of its source; what a translation commonly breaks (a `**` glued to a word, white
 * space inside emphasis, a new `*` or line break) is repaired; what cannot be repaired is refused.
 */
export function rebuildUnit(
  unit: Unit,
  translated: string,
  renderRange: (range: Range) => string,
  text: string,
): RebuildResult {
  const tokens = parseTagged(translated);
  const problem = checkTags(unit, tokens);
  if (problem) return { ok: false, reason: problem };
  if (translated === unit.tagged)
    return { ok: true, text: render(unit, unit.tokens, renderRange, unit.breaks) };

  const escaped: TaggedToken[] = [];
  for (const token of tokens) {
    const value = token.type === 'text' ? escapeFor(unit, token.text, text) : undefined;
    if (token.type === 'text' && value === undefined) {
      return {
        ok: false,
        reason:
          frontMatterStyle(unit, text) === 'literal'
            ? "the translation has an apostrophe, which a TOML literal string ('…') cannot hold; write the source value in double quotes"
            : 'the translation cannot be written as a plain YAML value; quote the source value',
      };
    }
    escaped.push(token.type === 'text' ? { type: 'text', text: value as string } : token);
  }
  if (!shapeChecked.has(unit.kind))
    return { ok: true, text: render(unit, escaped, renderRange, unit.breaks) };

  let shape = sourceShapes.get(unit);
  if (shape === undefined) {
    shape = markdownShape(render(unit, unit.tokens, renderRange, []));
    sourceShapes.set(unit, shape);
  }
  let candidate = escaped;
  for (const repair of repairs) {
    candidate = repair(unit, candidate, text);
    if (markdownShape(render(unit, candidate, renderRange, [])) === shape) {
      return { ok: true, text: render(unit, candidate, renderRange, unit.breaks) };
    }
  }
  return { ok: false, reason: 'the translation does not keep the Markdown structure of its source' };
}

/** Every tag of the source exactly once, groups closed in order: anything else is a broken translation. */
function checkTags(unit: Unit, tokens: readonly TaggedToken[]): string | undefined {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.type === 'text') continue;
    const key = `${token.type}${token.id}`;
    if (token.id === -1) return 'a closing tag has no opening tag';
    if (seen.has(key)) return `tag ${token.id} appears twice`;
    seen.add(key);
    const known = token.type === 'x' ? unit.xs.has(token.id) : unit.groups.has(token.id);
    if (!known) return `tag ${token.id} is not in the source`;
  }
  const expected = unit.xs.size + unit.groups.size * 2;
  if (seen.size !== expected) return 'tags of the source are missing';
  return undefined;
}

function render(
  unit: Unit,
  tokens: readonly TaggedToken[],
  renderRange: (range: Range) => string,
  breaks: readonly string[],
): string {
  let out = '';
  let lineBreak = 0;
  const sourceBreaks = breaks === unit.breaks;
  const textStarts = new Map<number, number>();
  const lineEndSpace = sourceBreaks && tokens !== unit.tokens ? spaceBeforeBreaks(unit.tokens) : [];
  for (const token of tokens) {
    if (token.type === 'text') {
      const text = sourceBreaks && tokens !== unit.tokens ? trimAroundBreaks(token.text) : token.text;
      out += text.replace(/\n/g, () => {
        const index = lineBreak++;
        const original = sourceBreaks ? breaks[index] : '\n';
        // A translation with more lines than its source gets spaces: a new line could start a block.
        return original === undefined ? ' ' : (lineEndSpace[index] ?? '') + original;
      });
    } else if (token.type === 'x') out += renderRange(unit.xs.get(token.id) as Range);
    else {
      const group = unit.groups.get(token.id);
      if (!group) continue;
      if (token.type === 'open') {
        out += renderRange(group.open);
        textStarts.set(token.id, out.length);
      } else {
        const closing = renderRange(group.close);
        const text = out.slice(textStarts.get(token.id) ?? out.length);
        out += tokens === unit.tokens ? closing : closeReference(group, text, closing);
      }
    }
  }
  return out;
}

/** How a front-matter value is written: by its quote, in YAML (`---`) or TOML (`+++`) front matter. */
function frontMatterStyle(unit: Unit, text: string): FrontMatterValue['style'] {
  const quote = text[unit.range.start - 1];
  const toml = /^\uFEFF?\+\+\+/.test(text);
  if (quote === '"') return toml ? 'basic' : 'double';
  if (quote === "'") return toml ? 'literal' : 'single';
  return 'plain';
}

/** Escapes what a translation may add that the text's place would read as syntax. */
function escapeFor(unit: Unit, value: string, text: string): string | undefined {
  switch (unit.kind) {
    case 'tableCell':
      return value.replace(/(?<!\\)\|/g, '\\|');
    case 'html':
      return value
        .replace(/&(?!(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);)/gi, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/\n[ \t]*\n/g, '\n');
    case 'alt':
      return value.replace(/(?<!\\)([[\]])/g, '\\$1').replace(/\n/g, ' ');
    case 'attribute': {
      // Inside `"…"` or `'…'`: its quote and an ampersand that would start a character reference.
      const quote = text[unit.range.start - 1] === "'" ? "'" : '"';
      return value
        .replace(/&(?=[\p{L}\p{N}#])(?!(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);)/giu, '&amp;')
        .replaceAll(quote, quote === '"' ? '&quot;' : '&#39;')
        .replace(/\s*\n\s*/g, ' ');
    }
    case 'title': {
      const delimiter = text[unit.range.start - 1] === '(' ? ')' : (text[unit.range.start - 1] ?? '"');
      return value.split(delimiter).join(`\\${delimiter}`).replace(/\n/g, ' ');
    }
    case 'frontMatter':
      return escapeFrontMatter(value, frontMatterStyle(unit, text));
    default:
      return value;
  }
}

type Repair = (unit: Unit, tokens: readonly TaggedToken[], text: string) => TaggedToken[];

const isEmphasis = (unit: Unit, id: number) => emphasisTypes.has(unit.groups.get(id)?.type ?? '');

/** No change: the translation may well be fine as it is. */
const asIs: Repair = (_unit, tokens) => [...tokens];

/** Moves white space just inside `**…**` outside it: `** text **` does not parse as strong. */
const moveSpaceOutOfEmphasis: Repair = (unit, tokens) => {
  const out = [...tokens];
  for (let index = 0; index < out.length; index++) {
    const token = out[index] as TaggedToken;
    const next = out[index + 1];
    const previous = out[index - 1];
    if (token.type === 'open' && isEmphasis(unit, token.id) && next?.type === 'text') {
      const space = /^\s+/.exec(next.text)?.[0];
      if (space) {
        out[index + 1] = { type: 'text', text: next.text.slice(space.length) };
        out.splice(index, 0, { type: 'text', text: space });
        index++;
      }
    }
    if (token.type === 'close' && isEmphasis(unit, token.id) && previous?.type === 'text') {
      const space = /\s+$/.exec(previous.text)?.[0];
      if (space) {
        out[index - 1] = { type: 'text', text: previous.text.slice(0, -space.length) };
        out.splice(index + 1, 0, { type: 'text', text: space });
      }
    }
  }
  return mergeText(out);
};

const wordChar = /[\p{L}\p{N}]/u;
const punctuation = /[\p{P}\p{S}]/u;

/**
 * Puts a space between a delimiter and a word it was glued to when the delimiter could no longer
 * open or close: `**Poids :**6` becomes `**Poids :** 6`.
 */
const separateGluedDelimiters: Repair = (unit, tokens, text) => {
  const out = [...tokens];
  for (let index = 0; index < out.length; index++) {
    const token = out[index] as TaggedToken;
    if ((token.type !== 'open' && token.type !== 'close') || !isEmphasis(unit, token.id)) continue;
    const before = out[index - 1];
    const after = out[index + 1];
    const lastBefore = before?.type === 'text' ? before.text.slice(-1) : '';
    const firstAfter = after?.type === 'text' ? after.text.charAt(0) : '';
    if (token.type === 'close' && wordChar.test(firstAfter)) {
      const inner = innerEdge(out, index, -1);
      if (punctuation.test(inner) || underscore(unit, token.id, text)) {
        out[index + 1] = { type: 'text', text: ` ${(after as { text: string }).text}` };
      }
    }
    if (token.type === 'open' && wordChar.test(lastBefore)) {
      const inner = innerEdge(out, index, 1);
      if (punctuation.test(inner) || underscore(unit, token.id, text)) {
        out[index - 1] = { type: 'text', text: `${(before as { text: string }).text} ` };
      }
    }
  }
  return out;
};

/** Escapes characters that Markdown reads as syntax, where the translation added them. */
const escapeNewSyntax: Repair = (unit, tokens) => {
  const sourceText = unit.tokens.map((token) => (token.type === 'text' ? token.text : '')).join('');
  return tokens.map((token) => {
    if (token.type !== 'text') return token;
    const text = token.text.replace(/(?<!\\)([*_`[\]<~])/g, (char: string) =>
      sourceText.includes(char) ? char : `\\${char}`,
    );
    return { type: 'text', text };
  });
};

/** Joins lines: a translated line may begin with what starts a block (`- `, `# `, `1. `). */
const joinLines: Repair = (_unit, tokens) =>
  tokens.map((token) =>
    token.type === 'text' ? { type: 'text', text: token.text.replace(/[ \t]*\n[ \t]*/g, ' ') } : token,
  );

const repairs: readonly Repair[] = [
  asIs,
  moveSpaceOutOfEmphasis,
  separateGluedDelimiters,
  escapeNewSyntax,
  joinLines,
];

function innerEdge(tokens: readonly TaggedToken[], index: number, step: 1 | -1): string {
  const neighbour = tokens[index + step];
  if (neighbour?.type !== 'text') return '';
  return step === 1 ? neighbour.text.charAt(0) : neighbour.text.slice(-1);
}

/** `_` delimiters never open or close inside a word, whatever the punctuation. */
function underscore(unit: Unit, id: number, text: string): boolean {
  const group = unit.groups.get(id);
  return group !== undefined && text[group.open.start] === '_';
}

function mergeText(tokens: readonly TaggedToken[]): TaggedToken[] {
  const out: TaggedToken[] = [];
  for (const token of tokens) {
    const last = out.at(-1);
    if (token.type === 'text' && last?.type === 'text')
      out[out.length - 1] = { type: 'text', text: last.text + token.text };
    else if (token.type !== 'text' || token.text !== '') out.push(token);
  }
  return out;
}
