import { parseTagged, serializeTagged, type TaggedToken } from '../tagged-text.js';
import { findGluedTags } from './apertium-glue.js';
import { symbolRun } from './apertium-symbols.js';

/**
 * Turns tagged text into Apertium's stream format, doing the job of `apertium-destxt` (which
 * cannot pass the NUL that ends each segment):
 * - text is backslash-escaped, so no character of the prose is read as stream syntax;
 * - `<x/>` tags, and `<g>` elements with no letters in them, become superblanks `[…]`, which
 *   Apertium copies through in place and never translates;
 * - in `wordbound` mode each word inside a `<g>` carries a word-bound blank `[[g:1,2]]word[[/]]`,
 *   which Apertium moves with the word when transfer reorders words; in `positional` mode the
 *   `<g>` and `</g>` tags themselves become superblanks that stay in order (the fallback);
 * - in `wordbound` mode symbols inside a `<g>` go as `<s id="N"/>` superblanks (see `symbolRun`);
 * - in `wordbound` mode an `<x/>` glued to a word rides on that word's word-bound blank
 *   (`[[xa:2]]big[[/]]` for `big<x id="2"/>`, `[[xb:3]]` for a tag before the word), so it stays
 *   glued to the word wherever the word goes.
 */
export type Protection = 'wordbound' | 'positional';

export interface DeformattedSegment {
  /** The stream to send, ended by an empty superblank (see below), without the NUL. */
  readonly stream: string;
  /** For every protected tag or symbol (`x3`, `g4`, `s0`), the `<g>` ids around it, outermost first. */
  readonly enclosing: ReadonlyMap<string, readonly number[]>;
  /** Every `<g>` id sent word by word, in source order. */
  readonly wordboundIds: readonly number[];
  /** Every `<x/>` id sent on the word-bound blank of the word it is glued to. */
  readonly attachedIds: ReadonlySet<number>;
  /** The symbols inside `<g>` sent as `<s id="N"/>` superblanks, by id. */
  readonly symbols: ReadonlyMap<number, string>;
}

/** The characters Apertium's stream format gives a meaning to, plus its unknown-word marks. */
const special = /[[\]\\@/^$<>{}*#]/g;

/**
 * Escapes text for the stream. `~` is the one character the pipeline drops even when escaped (the
 * post-generator reads it as its own mark), so it travels as a superblank.
 */
export function escapeStreamText(text: string): string {
  return text
    .replace(/\0/g, '')
    .replace(special, (char) => `\\${char}`)
    .replace(/~+/g, (tildes) => `[${tildes}]`);
}

/** Inside a superblank only `]` ends it and `\` escapes. */
export function escapeBlankContent(content: string): string {
  return content.replace(/\0/g, '').replace(/[[\]\\]/g, (char) => `\\${char}`);
}

const hasLetter = /\p{L}/u;

export function deformat(tagged: string, protection: Protection): DeformattedSegment {
  const tokens = parseTagged(tagged);
  const enclosing = new Map<string, readonly number[]>();
  const wordboundIds: number[] = [];
  const stack: number[] = [];
  const glued = protection === 'wordbound' ? findGluedTags(tokens) : undefined;
  const symbols = new Map<number, string>();
  const addSymbol = (symbol: string): string => {
    const id = symbols.size;
    symbols.set(id, symbol);
    enclosing.set(`s${id}`, [...stack]);
    return `[${escapeBlankContent(`<s id="${id}"/>`)}]`;
  };
  let stream = '';
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as TaggedToken;
    if (token.type === 'text') {
      const riders = { before: glued?.before.get(index) ?? [], after: glued?.after.get(index) ?? [] };
      const wrap =
        protection === 'wordbound' && (stack.length > 0 || riders.before.length + riders.after.length > 0);
      stream += wrap ? wrapWords(token.text, stack, riders, addSymbol) : escapeStreamText(token.text);
    } else if (token.type === 'x') {
      if (glued?.attached.has(token.id)) continue;
      enclosing.set(`x${token.id}`, [...stack]);
      stream += `[${escapeBlankContent(`<x id="${token.id}"/>`)}]`;
    } else if (token.type === 'open') {
      const end = matchingClose(tokens, index);
      const inner = tokens.slice(index + 1, end);
      const translatable = inner.some((part) => part.type === 'text' && hasLetter.test(part.text));
      if (!translatable) {
        // Nothing to translate inside: the whole element travels as one opaque superblank.
        enclosing.set(`g${token.id}`, [...stack]);
        stream += `[${escapeBlankContent(serializeTagged(tokens.slice(index, end + 1)))}]`;
        index = end;
      } else if (protection === 'wordbound') {
        enclosing.set(`g${token.id}`, [...stack]);
        wordboundIds.push(token.id);
        stack.push(token.id);
      } else {
        stack.push(token.id);
        stream += `[${escapeBlankContent(`<g id="${token.id}">`)}]`;
      }
    } else {
      stack.pop();
      if (protection === 'positional') stream += `[${escapeBlankContent('</g>')}]`;
    }
  }
  // A segment must not end in a bare word or sentence mark: eng-spa drops a final `.` that
  // touches the NUL. `apertium-destxt` ends its output with `[]` for the same reason.
  return {
    stream: `${stream}[]`,
    enclosing,
    wordboundIds,
    attachedIds: glued?.attached ?? new Set(),
    symbols,
  };
}

/** The index of the `</g>` that closes the `<g>` at `open` (the last token if none does). */
function matchingClose(tokens: readonly TaggedToken[], open: number): number {
  let depth = 0;
  for (let index = open; index < tokens.length; index += 1) {
    const token = tokens[index] as TaggedToken;
    if (token.type === 'open') depth += 1;
    else if (token.type === 'close') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return tokens.length - 1;
}

/**
 * Puts each run of words inside a `<g>` in one word-bound blank, `[[g:1,2]]Getting started[[/]]`:
 * Apertium gives the label to every word of the run and still reads multiwords across it (a blank
 * per word would break them: `Getting started` → `Cogiendo empezado`). A word that a glued `<x/>`
 * rides on gets a blank of its own with the `xb:`/`xa:` label too; labels join with `; ` as
 * Apertium's own do when it merges words. Symbols go as `<s/>` superblanks (see `symbolRun`).
 */
function wrapWords(
  text: string,
  stack: readonly number[],
  riders: { readonly before: readonly number[]; readonly after: readonly number[] },
  addSymbol: (symbol: string) => string,
): string {
  const pieces = text
    .split(/(\s+)/)
    .flatMap((part) => (/^\s*$/.test(part) ? [part] : part.split(symbolRun)))
    .filter((piece) => piece !== '');
  const isSpace = (piece: string): boolean => /^\s/.test(piece);
  const isWord = (piece: string): boolean => !isSpace(piece) && !symbolRun.test(piece);
  const first = pieces.findIndex(isWord);
  const last = pieces.findLastIndex(isWord);
  const groups = stack.length > 0 ? `g:${stack.join(',')}` : '';
  const labelled = (words: string, labels: readonly string[]): string => {
    const label = labels.filter((part) => part !== '').join('; ');
    return label === '' ? escapeStreamText(words) : `[[${label}]]${escapeStreamText(words)}[[/]]`;
  };
  let out = '';
  let run: string[] = [];
  const flush = (): void => {
    const trailing: string[] = [];
    while (run.length > 0 && isSpace(run[run.length - 1] as string)) trailing.unshift(run.pop() as string);
    if (run.length > 0) out += labelled(run.join(''), [groups]);
    out += trailing.join('');
    run = [];
  };
  pieces.forEach((piece, index) => {
    const before = index === first && riders.before.length > 0 ? `xb:${riders.before.join(',')}` : '';
    const after = index === last && riders.after.length > 0 ? `xa:${riders.after.join(',')}` : '';
    if (isWord(piece) && (before !== '' || after !== '')) {
      flush();
      out += labelled(piece, [groups, before, after]);
    } else if (isWord(piece) && groups !== '') {
      run.push(piece);
    } else if (isSpace(piece) && run.length > 0) {
      run.push(piece);
    } else {
      flush();
      out += isSpace(piece)
        ? piece
        : !isWord(piece) && groups !== ''
          ? addSymbol(piece)
          : escapeStreamText(piece);
    }
  });
  flush();
  return out;
}
