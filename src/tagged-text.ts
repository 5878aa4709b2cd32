/**
 * The tagged text that engines receive: prose with `<x id="N"/>` for what is restored verbatim and
 * `<g id="N">…</g>` around what wraps translatable text. Text is XML-escaped (`&amp;`, `&lt;`,
 * `&gt;`), so the string is well-formed XML that DeepL's tag handling accepts as it is.
 */
export type TaggedToken =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'x'; readonly id: number }
  | { readonly type: 'open'; readonly id: number }
  | { readonly type: 'close'; readonly id: number };

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return entities[name] ?? whole;
  });
}

export function serializeTagged(tokens: readonly TaggedToken[]): string {
  let out = '';
  for (const token of tokens) {
    if (token.type === 'text') out += escapeXml(token.text);
    else if (token.type === 'x') out += `<x id="${token.id}"/>`;
    else if (token.type === 'open') out += `<g id="${token.id}">`;
    else out += '</g>';
  }
  return out;
}

const tagPattern = /<x\s+id\s*=\s*["'](\d+)["']\s*\/>|<g\s+id\s*=\s*["'](\d+)["']\s*>|<\/g\s*>/g;

/**
 * Reads tagged text back into tokens. A closing `</g>` is matched to the innermost open `<g>`;
 * a stray `</g>` is reported as a close with id -1 so that validation can reject it.
 */
export function parseTagged(tagged: string): TaggedToken[] {
  const tokens: TaggedToken[] = [];
  const open: number[] = [];
  let last = 0;
  for (const match of tagged.matchAll(tagPattern)) {
    const index = match.index;
    if (index > last) tokens.push({ type: 'text', text: unescapeXml(tagged.slice(last, index)) });
    if (match[1] !== undefined) tokens.push({ type: 'x', id: Number(match[1]) });
    else if (match[2] !== undefined) {
      const id = Number(match[2]);
      open.push(id);
      tokens.push({ type: 'open', id });
    } else tokens.push({ type: 'close', id: open.pop() ?? -1 });
    last = index + match[0].length;
  }
  if (last < tagged.length) tokens.push({ type: 'text', text: unescapeXml(tagged.slice(last)) });
  return tokens;
}

/** Applies `change` to every text run, leaving every tag where it is. */
export function mapTaggedText(tagged: string, change: (text: string) => string): string {
  return serializeTagged(
    parseTagged(tagged).map((token) =>
      token.type === 'text' ? { type: 'text', text: change(token.text) } : token,
    ),
  );
}

/**
 * Whether a tagged text has words for an engine: a letter outside its tags. One without (a heading
 * that is only a `terms:` word, `<x id="1"/>`) is its own translation, the core writing the terms in.
 */
export function needsEngine(tagged: string): boolean {
  return parseTagged(tagged).some((token) => token.type === 'text' && /\p{L}/u.test(token.text));
}
