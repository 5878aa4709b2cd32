/**
 * Reads what an Apertium pipeline answers: text with backslash escapes, superblanks `[…]` and
 * word-bound blanks `[[…]]word[[/]]`, as `apertium-retxt` would, but keeping the blanks apart so
 * that our tags can be put back.
 */
export type StreamItem =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'blank'; readonly content: string }
  | {
      readonly kind: 'word';
      readonly text: string;
      /** The `<g>` ids around the word. */
      readonly ids: readonly number[];
      /** `<x/>` ids glued before the word. */
      readonly before: readonly number[];
      /** `<x/>` ids glued after the word. */
      readonly after: readonly number[];
    };

type WordLabel = Pick<Extract<StreamItem, { kind: 'word' }>, 'ids' | 'before' | 'after'>;

export function parseStream(stream: string): StreamItem[] {
  const items: StreamItem[] = [];
  let text = '';
  // The word-bound blank being read, if any: its ids and its text so far.
  let word: (WordLabel & { text: string }) | undefined;
  const flushText = (): void => {
    if (text !== '') items.push({ kind: 'text', text });
    text = '';
  };
  let index = 0;
  while (index < stream.length) {
    const char = stream[index] as string;
    if (char === '\\' && index + 1 < stream.length) {
      const literal = stream[index + 1] as string;
      if (word) word.text += literal;
      else text += literal;
      index += 2;
    } else if (stream.startsWith('[[', index)) {
      const end = stream.indexOf(']]', index + 2);
      const label = stream.slice(index + 2, end === -1 ? stream.length : end);
      index = end === -1 ? stream.length : end + 2;
      if (word) items.push({ kind: 'word', ...word });
      word = undefined;
      if (label !== '/') {
        flushText();
        word = { ...parseWordboundLabel(label), text: '' };
      }
    } else if (char === '[') {
      flushText();
      const { content, next } = readSuperblank(stream, index + 1);
      if (content !== '') items.push({ kind: 'blank', content });
      index = next;
    } else {
      if (word) word.text += char;
      else text += char;
      index += 1;
    }
  }
  if (word) items.push({ kind: 'word', ...word });
  flushText();
  return items;
}

/**
 * The ids of a word-bound blank (`g:1,2; xa:3`). When one word absorbs others (a multiword, a
 * compound) Apertium joins their labels with `; `, so every part counts.
 */
function parseWordboundLabel(label: string): WordLabel {
  const lists: Record<'g' | 'xb' | 'xa', number[]> = { g: [], xb: [], xa: [] };
  for (const match of label.matchAll(/\b(g|xb|xa):([\d,]+)/g)) {
    const list = lists[match[1] as 'g' | 'xb' | 'xa'];
    for (const id of (match[2] ?? '').split(',')) {
      const number = Number(id);
      if (id !== '' && !list.includes(number)) list.push(number);
    }
  }
  return { ids: lists.g, before: lists.xb, after: lists.xa };
}

function readSuperblank(stream: string, start: number): { content: string; next: number } {
  let content = '';
  let index = start;
  while (index < stream.length) {
    const char = stream[index] as string;
    if (char === '\\' && index + 1 < stream.length) {
      content += stream[index + 1] as string;
      index += 2;
    } else if (char === ']') {
      return { content, next: index + 1 };
    } else {
      content += char;
      index += 1;
    }
  }
  return { content, next: index };
}
