import { parseTagged, type TaggedToken } from '../tagged-text.js';
import { primaryLanguage } from '../language-tag.js';

/**
 * Reading and judging a model's answer. A model may wrap the JSON in a code fence or a sentence,
 * leave a key out, lose a tag or hand a segment back untranslated: each is found here and named
 * in words the model is told when the segment is asked for again.
 */

/**
 * The JSON object in a model's answer, chatter around it (a preface, a code fence) stripped; an
 * object that holds the expected keys one level down (`{"translations": {…}}`) is unwrapped.
 * Undefined when there is no JSON object to read.
 */
export function readAnswer(content: string, ids: readonly string[]): Record<string, unknown> | undefined {
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  if (start < 0 || end < start) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.slice(start, end + 1));
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  if (ids.some((id) => id in parsed)) return parsed;
  const values = Object.values(parsed);
  const inner = values.length === 1 ? values[0] : undefined;
  return isObject(inner) && ids.some((id) => id in inner) ? inner : parsed;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type SegmentVerdict =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: string };

export interface SegmentCheck {
  readonly from: string;
  readonly to: string;
  /** The pipeline's tag repair: the repaired text, or undefined when it cannot be repaired. */
  readonly repairTags?: ((source: string, translated: string) => string | undefined) | undefined;
}

/** Judges one segment's translation: present, a string, not empty, tags as the source's (after repair), translated. */
export function checkSegment(source: string, value: unknown, check: SegmentCheck): SegmentVerdict {
  if (value === undefined) return { ok: false, problem: 'the answer left this segment out' };
  if (typeof value !== 'string') return { ok: false, problem: 'the answer for this segment is not a string' };
  if (value.trim() === '') return { ok: false, problem: 'the translation is empty' };
  const text = keepEdges(source, value);
  const tagProblem = describeTagDifference(source, text);
  let repaired = text;
  if (tagProblem !== undefined) {
    const fixed = check.repairTags?.(source, text);
    if (fixed === undefined) return { ok: false, problem: tagProblem };
    repaired = fixed;
  }
  if (looksUntranslated(source, repaired, check)) {
    return { ok: false, problem: 'the segment came back untranslated' };
  }
  return { ok: true, text: repaired };
}

/** The source's own leading and trailing white space: part of the Markdown, which models trim. */
export function keepEdges(source: string, translated: string): string {
  const lead = /^\s*/.exec(source)?.[0] ?? '';
  const trail = /\s*$/.exec(source)?.[0] ?? '';
  return lead + translated.trim() + trail;
}

function tagName(token: Exclude<TaggedToken, { type: 'text' }>): string {
  if (token.type === 'x') return `<x id="${token.id}"/>`;
  if (token.type === 'open') return `<g id="${token.id}">`;
  return token.id < 0 ? 'a </g> without its <g>' : `</g> of <g id="${token.id}">`;
}

/** What is wrong with the translation's tags, in words a model can act on; undefined when nothing is. */
export function describeTagDifference(source: string, translated: string): string | undefined {
  const tags = (text: string) =>
    parseTagged(text).flatMap((token) => (token.type === 'text' ? [] : [tagName(token)]));
  const wanted = tags(source);
  const found = tags(translated);
  const missing = difference(wanted, found);
  const added = difference(found, wanted);
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`it lost ${missing.join(', ')}`);
  if (added.length > 0) parts.push(`it added ${added.join(', ')}`);
  if (parts.length === 0 && !sameNesting(source, translated))
    parts.push('its <g> tags are not nested as in the source');
  return parts.length === 0 ? undefined : `${parts.join(' and ')}; keep every tag of the source exactly once`;
}

/** Items of `a` not matched one for one in `b`. */
function difference(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b];
  return a.filter((item) => {
    const at = left.indexOf(item);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

/** Each `<g>` holds the same tags as in the source. */
function sameNesting(source: string, translated: string): boolean {
  const inside = (text: string): string[] => {
    const open: number[] = [];
    const out: string[] = [];
    for (const token of parseTagged(text)) {
      if (token.type === 'open') open.push(token.id);
      else if (token.type === 'close') open.pop();
      else if (token.type === 'x') out.push(`${token.id}@${open.join('.')}`);
      if (token.type === 'open') out.push(`g${token.id}@${open.slice(0, -1).join('.')}`);
    }
    return out.sort();
  };
  return inside(source).join() === inside(translated).join();
}

/** Words of at least two letters outside the tags. */
function words(tagged: string): string[] {
  return (
    parseTagged(tagged)
      .flatMap((token) => (token.type === 'text' ? [token.text] : [' ']))
      .join('')
      .match(/\p{L}{2,}/gu) ?? []
  );
}

/** Prose of four words or more handed back word for word, between two different languages. */
function looksUntranslated(source: string, translated: string, check: SegmentCheck): boolean {
  if (primaryLanguage(check.from) === primaryLanguage(check.to)) return false;
  const sourceWords = words(source);
  return sourceWords.length >= 4 && sourceWords.join(' ') === words(translated).join(' ');
}
