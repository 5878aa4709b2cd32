import { parseTagged, serializeTagged, type TaggedToken } from '../tagged-text.js';

/**
 * Repairs what machine translation is known to do to tags: a tag it drops, duplicates or invents,
 * punctuation it pulls across a tag, white space it loses next to a tag or pushes inside a
 * wrapping tag (which would break `**bold**` into `** bold**`). Returns `undefined` when the
 * translation cannot be repaired without guessing; the caller then keeps the source text.
 * An untouched translation comes back as the very same string.
 */
export function repairTags(sourceTagged: string, translatedTagged: string): string | undefined {
  const source = parseTagged(sourceTagged);
  const original = parseTagged(translatedTagged);
  const contexts = sourceContexts(source);
  let tokens = removeExtraTags(original, contexts);
  if (tokens === undefined) return undefined;
  tokens = insertMissingTags(tokens, source, contexts);
  if (tokens === undefined) return undefined;
  tokens = moveLostPunctuation(mergeText(tokens), contexts);
  tokens = fixWhitespace(tokens, contexts);
  const repaired = serializeTagged(tokens);
  return repaired === serializeTagged(original) ? translatedTagged : repaired;
}

/** Whether `translatedTagged` has exactly the tags of `sourceTagged`, each once, properly nested. */
export function hasSameTags(sourceTagged: string, translatedTagged: string): boolean {
  const wanted = tagCounts(parseTagged(sourceTagged));
  const tokens = parseTagged(translatedTagged);
  let depth = 0;
  for (const token of tokens) {
    if (token.type === 'open') depth += 1;
    if (token.type === 'close') {
      if (token.id < 0) return false;
      depth -= 1;
    }
  }
  if (depth !== 0) return false;
  const found = tagCounts(tokens);
  if (found.size !== wanted.size) return false;
  for (const [key, count] of found) if (count !== 1 || !wanted.has(key)) return false;
  return true;
}

type Tag = Exclude<TaggedToken, { type: 'text' }>;

/** What surrounds a tag in the source: the text right before and after it, and its place. */
interface TagContext {
  readonly before: string;
  readonly after: string;
  /** Only white space (or other tags) before it. */
  readonly atStart: boolean;
  /** Only white space (or other tags) after it. */
  readonly atEnd: boolean;
  /** The nearest tags before and after it, when only white space separates them. */
  readonly previousTag: string | undefined;
  readonly nextTag: string | undefined;
}

function keyOf(token: Tag): string {
  return `${token.type}:${token.id}`;
}

function tagCounts(tokens: readonly TaggedToken[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens)
    if (token.type !== 'text') counts.set(keyOf(token), (counts.get(keyOf(token)) ?? 0) + 1);
  return counts;
}

function isBlank(token: TaggedToken | undefined): boolean {
  return token !== undefined && token.type === 'text' && token.text.trim() === '';
}

function sourceContexts(source: readonly TaggedToken[]): Map<string, TagContext> {
  const contexts = new Map<string, TagContext>();
  source.forEach((token, index) => {
    if (token.type === 'text') return;
    const previous = source[index - 1];
    const next = source[index + 1];
    contexts.set(keyOf(token), {
      before: previous?.type === 'text' ? previous.text : '',
      after: next?.type === 'text' ? next.text : '',
      atStart: source.slice(0, index).every((item) => item.type !== 'text' || item.text.trim() === ''),
      atEnd: source.slice(index + 1).every((item) => item.type !== 'text' || item.text.trim() === ''),
      previousTag: neighbourTag(source, index, -1),
      nextTag: neighbourTag(source, index, 1),
    });
  });
  return contexts;
}

function neighbourTag(tokens: readonly TaggedToken[], index: number, step: 1 | -1): string | undefined {
  let at = index + step;
  if (isBlank(tokens[at])) at += step;
  const token = tokens[at];
  return token === undefined || token.type === 'text' ? undefined : keyOf(token);
}

/**
 * Drops tags the source does not have and second copies of those it has; closes a wrapping tag
 * left open when the source closes it at the very end. Undefined when a `</g>` has no opening.
 */
function removeExtraTags(
  tokens: readonly TaggedToken[],
  contexts: Map<string, TagContext>,
): TaggedToken[] | undefined {
  const partner = new Map<number, number>();
  const stack: number[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.type === 'open') stack.push(index);
    if (token.type === 'close') {
      const open = stack.pop();
      if (open === undefined || token.id < 0) return undefined;
      partner.set(open, index);
      partner.set(index, open);
    }
  }
  const removed = new Set<number>();
  const seen = new Set<string>();
  const unclosed: number[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.type === 'text' || token.type === 'close') continue;
    const key = keyOf(token);
    const known = contexts.has(key);
    if (token.type === 'x') {
      if (!known || seen.has(key)) removed.add(index);
      seen.add(key);
      continue;
    }
    const close = partner.get(index);
    if (!known || seen.has(key)) {
      removed.add(index);
      if (close !== undefined) removed.add(close);
    } else if (close === undefined) unclosed.push(token.id);
    seen.add(key);
  }
  const kept = tokens.filter((_, index) => !removed.has(index));
  for (const id of unclosed.reverse()) {
    if (contexts.get(`close:${id}`)?.atEnd !== true) return undefined;
    insertBeforeTrailingSpace(kept, { type: 'close', id });
  }
  return kept;
}

/** Puts back tags the translation lost, where the source pins them down; undefined otherwise. */
function insertMissingTags(
  input: readonly TaggedToken[],
  source: readonly TaggedToken[],
  contexts: Map<string, TagContext>,
): TaggedToken[] | undefined {
  const tokens = [...input];
  const present = (key: string): number =>
    tokens.findIndex((token) => token.type !== 'text' && keyOf(token) === key);
  for (const tag of source) {
    if (tag.type === 'text' || tag.type === 'close' || present(keyOf(tag)) >= 0) continue;
    const context = contexts.get(keyOf(tag));
    if (context === undefined) return undefined;
    if (tag.type === 'open') {
      // Only a wrapper around the whole unit can be restored without knowing what it wrapped.
      if (!context.atStart || contexts.get(`close:${tag.id}`)?.atEnd !== true) return undefined;
      insertAfterLeadingSpace(tokens, tag);
      insertBeforeTrailingSpace(tokens, { type: 'close', id: tag.id });
      continue;
    }
    const afterPrevious = context.previousTag === undefined ? -1 : present(context.previousTag);
    const beforeNext = context.nextTag === undefined ? -1 : present(context.nextTag);
    // Beside a neighbouring tag, with the same white space between them as in the source.
    if (afterPrevious >= 0) tokens.splice(afterPrevious + 1, 0, { type: 'text', text: context.before }, tag);
    else if (beforeNext >= 0) tokens.splice(beforeNext, 0, tag, { type: 'text', text: context.after });
    else if (context.atStart) insertAfterLeadingSpace(tokens, tag);
    else if (context.atEnd) insertBeforeTrailingSpace(tokens, tag);
    else return undefined;
  }
  return tokens;
}

function insertAfterLeadingSpace(tokens: TaggedToken[], tag: Tag): void {
  const first = tokens[0];
  if (first?.type === 'text' && /^\s+/.test(first.text)) {
    const lead = /^\s+/.exec(first.text)?.[0] ?? '';
    tokens.splice(0, 1, { type: 'text', text: lead }, tag, {
      type: 'text',
      text: first.text.slice(lead.length),
    });
  } else tokens.unshift(tag);
}

function insertBeforeTrailingSpace(tokens: TaggedToken[], tag: Tag): void {
  const last = tokens[tokens.length - 1];
  if (last?.type === 'text' && /\s+$/.test(last.text)) {
    const trail = /\s+$/.exec(last.text)?.[0] ?? '';
    tokens.splice(tokens.length - 1, 1, { type: 'text', text: last.text.slice(0, -trail.length) }, tag, {
      type: 'text',
      text: trail,
    });
  } else tokens.push(tag);
}

function mergeText(tokens: readonly TaggedToken[]): TaggedToken[] {
  const merged: TaggedToken[] = [];
  for (const token of tokens) {
    const last = merged[merged.length - 1];
    if (token.type === 'text' && token.text === '') continue;
    if (token.type === 'text' && last?.type === 'text')
      merged[merged.length - 1] = { type: 'text', text: last.text + token.text };
    else merged.push(token);
  }
  return merged;
}
/**
 * The tokens with exactly one (possibly empty) text between any two tags and at both ends, so
 * that tags sit at odd indices and their neighbouring texts can be edited in place.
 */
function interleave(tokens: readonly TaggedToken[]): TaggedToken[] {
  const out: TaggedToken[] = [];
  for (const token of tokens) {
    const last = out[out.length - 1];
    if (token.type === 'text') {
      if (last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + token.text };
      else out.push(token);
    } else {
      if (last === undefined || last.type !== 'text') out.push({ type: 'text', text: '' });
      out.push(token);
    }
  }
  if (out[out.length - 1]?.type !== 'text') out.push({ type: 'text', text: '' });
  return out;
}

function textAt(tokens: readonly TaggedToken[], index: number): string {
  const token = tokens[index];
  return token?.type === 'text' ? token.text : '';
}

function setText(tokens: TaggedToken[], index: number, text: string): void {
  tokens[index] = { type: 'text', text };
}

const punctuation = /^[.,;:!?…)\]}»"'’”]$/u;
const openingPunctuation = /^[([{«¿¡"'‘“]$/u;

/**
 * Moves punctuation back across a tag when the source had it on the other side:
 * `<g>docs</g>.` translated as `<g>doc.</g>` becomes `<g>doc</g>.`.
 */
function moveLostPunctuation(
  input: readonly TaggedToken[],
  contexts: Map<string, TagContext>,
): TaggedToken[] {
  const tokens = interleave(input);
  for (let index = 1; index < tokens.length; index += 2) {
    const tag = tokens[index];
    const context = tag === undefined || tag.type === 'text' ? undefined : contexts.get(keyOf(tag));
    if (context === undefined) continue;
    const before = textAt(tokens, index - 1);
    const after = textAt(tokens, index + 1);
    const wantedAfter = context.after.charAt(0);
    if (
      punctuation.test(wantedAfter) &&
      !context.before.endsWith(wantedAfter) &&
      !after.startsWith(wantedAfter)
    ) {
      const space = /\s*$/.exec(before)?.[0] ?? '';
      const body = before.slice(0, before.length - space.length);
      if (body.endsWith(wantedAfter)) {
        setText(tokens, index - 1, body.slice(0, -wantedAfter.length) + space);
        setText(tokens, index + 1, wantedAfter + after);
        continue;
      }
    }
    const wantedBefore = context.before.slice(-1);
    if (
      openingPunctuation.test(wantedBefore) &&
      !context.after.startsWith(wantedBefore) &&
      !before.endsWith(wantedBefore) &&
      after.startsWith(wantedBefore)
    ) {
      setText(tokens, index + 1, after.slice(wantedBefore.length));
      setText(tokens, index - 1, before + wantedBefore);
    }
  }
  return mergeText(tokens);
}

/** Scripts written without spaces between words, where a lost space is no loss. */
const unspacedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** Whether a space may follow `char` (not after an opening bracket or quote, nor in CJK or Thai). */
function spaceAfter(char: string): boolean {
  return !unspacedScript.test(char) && !openingPunctuation.test(char) && !/\s/.test(char);
}

/** Whether a space may precede `char` (not before closing punctuation, nor in CJK or Thai). */
function spaceBefore(char: string): boolean {
  return !unspacedScript.test(char) && !punctuation.test(char) && !/\s/.test(char);
}

/**
 * White space next to tags: pushed out of a wrapping tag when the source had none inside it,
 * and restored beside a tag where the source had it and the translation glued a word to it.
 */
function fixWhitespace(input: readonly TaggedToken[], contexts: Map<string, TagContext>): TaggedToken[] {
  const tokens = interleave(input);
  for (let index = 1; index < tokens.length; index += 2) {
    const tag = tokens[index];
    const context = tag === undefined || tag.type === 'text' ? undefined : contexts.get(keyOf(tag));
    if (tag === undefined || context === undefined) continue;
    const before = textAt(tokens, index - 1);
    const after = textAt(tokens, index + 1);
    if (tag.type === 'open' && !/^\s/.test(context.after) && after.trim() !== '') {
      const lead = /^\s+/.exec(after)?.[0] ?? '';
      setText(tokens, index + 1, after.slice(lead.length));
      if (!/\s$/.test(before)) setText(tokens, index - 1, before + lead);
    }
    if (tag.type === 'close' && !/\s$/.test(context.before) && before.trim() !== '') {
      const trail = /\s+$/.exec(before)?.[0] ?? '';
      setText(tokens, index - 1, before.slice(0, before.length - trail.length));
      if (!/^\s/.test(after)) setText(tokens, index + 1, trail + after);
    }
  }
  for (let index = 1; index < tokens.length; index += 2) {
    const tag = tokens[index];
    const context = tag === undefined || tag.type === 'text' ? undefined : contexts.get(keyOf(tag));
    if (context === undefined) continue;
    // Glued: nothing between this tag and a neighbouring tag, or a character that takes a space.
    const before = textAt(tokens, index - 1);
    // A bracket or quote the source itself set apart from the tag (`[ Swarm ]`) takes its space back.
    const last = before.slice(-1);
    const gluedBefore =
      before === ''
        ? index >= 2
        : !/\s$/.test(before) && (spaceAfter(last) || context.before.trimEnd().endsWith(last));
    if (/\s$/.test(context.before) && gluedBefore)
      setText(tokens, index - 1, before + (/\s+$/.exec(context.before)?.[0] ?? ''));
    const after = textAt(tokens, index + 1);
    const gluedAfter =
      after === ''
        ? index + 2 < tokens.length
        : !/^\s/.test(after) &&
          (spaceBefore(after.charAt(0)) || context.after.trimStart().startsWith(after.charAt(0)));
    if (/^\s/.test(context.after) && gluedAfter)
      setText(tokens, index + 1, (/^\s+/.exec(context.after)?.[0] ?? '') + after);
    // A kept name the source set apart from words, glued to one by the engine (`OSenteras`).
    if (tag?.type === 'x') {
      const now = textAt(tokens, index + 1);
      if (!/^[\p{L}\p{N}]/u.test(context.after) && /^[\p{L}\p{N}]/u.test(now) && spaceBefore(now.charAt(0)))
        setText(tokens, index + 1, ` ${now}`);
      const then = textAt(tokens, index - 1);
      if (!/[\p{L}\p{N}]$/u.test(context.before) && /[\p{L}\p{N}]$/u.test(then) && spaceAfter(then.slice(-1)))
        setText(tokens, index - 1, `${then} `);
    }
  }
  return mergeText(tokens);
}
