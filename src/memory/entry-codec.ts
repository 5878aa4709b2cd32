import { createHash } from 'node:crypto';
import type { GetTextTranslation } from 'gettext-parser';
import { isEngineOrigin, type MemoryEntry, type Origin, type PreviousVersion } from './entry.js';
import { escapePoString, parsePreviousFields } from './po-string.js';

/**
 * Maps a memory entry to a gettext-parser block and back. Our metadata lives in extracted comments,
 * which msgfmt ignores and PO editors show read-only ("notes for translators"):
 *
 *     #. readme-i18n: engine=deepl date=2026-11-29 sum=2f1c0e9a7b3d
 *     #. readme-i18n: engine=openai model=gpt-4o-mini date=2026-11-29 sum=2f1c0e9a7b3d
 *     #. readme-i18n: human date=2026-11-30
 *     #. readme-i18n: previous-translation="Ancienne traduction"
 *
 * `sum` fingerprints the engine's text, so a `msgstr` edited in a PO editor is recognised as a
 * human translation on the next load. The previous translation is JSON on one line because gettext
 * only knows `#| msgid`, not `#| msgstr` (msgfmt rejects the latter).
 */

const metaPrefix = 'readme-i18n:';
const previousPrefix = `${metaPrefix} previous-translation=`;

export function fingerprint(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

export function encodeEntry(entry: MemoryEntry): GetTextTranslation {
  const model = entry.model === undefined ? '' : ` model=${entry.model}`;
  const who = isEngineOrigin(entry.origin)
    ? `engine=${entry.origin.slice('engine:'.length)}${model}`
    : 'human';
  const sum = isEngineOrigin(entry.origin) ? ` sum=${fingerprint(entry.translation)}` : '';
  const extracted = [`${metaPrefix} ${who} date=${entry.date}${sum}`];
  if (entry.previous) extracted.push(previousPrefix + JSON.stringify(entry.previous.translation));
  const comments: NonNullable<GetTextTranslation['comments']> = {
    extracted: extracted.join('\n'),
  };
  if (entry.comment) comments.translator = entry.comment;
  if (entry.references.length > 0) comments.reference = entry.references.join('\n');
  if (entry.fuzzy) comments.flag = 'fuzzy';
  if (entry.previous) comments.previous = `msgid "${escapePoString(entry.previous.source)}"`;
  return { msgid: entry.source, msgstr: [entry.translation], comments };
}

interface Meta {
  origin?: Origin;
  model?: string;
  date?: string;
  sum?: string;
  previousTranslation?: string;
}

function readMeta(extracted: string | undefined): Meta {
  const meta: Meta = {};
  for (const line of (extracted ?? '').split('\n')) {
    if (line.startsWith(previousPrefix)) {
      const value: unknown = safeJson(line.slice(previousPrefix.length));
      if (typeof value === 'string') meta.previousTranslation = value;
    } else if (line.startsWith(metaPrefix)) {
      for (const word of line.slice(metaPrefix.length).trim().split(/\s+/)) {
        const [key, value = ''] = word.split('=', 2) as [string, string?];
        if (word === 'human') meta.origin = 'human';
        else if (key === 'engine' && /^[\w.-]+$/.test(value)) meta.origin = `engine:${value}`;
        else if (key === 'model' && /^[^\s"]+$/.test(value)) meta.model = value;
        else if (key === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) meta.date = value;
        else if (key === 'sum') meta.sum = value;
      }
    }
  }
  return meta;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads a gettext-parser block. `today` dates what the file does not date: an entry written by
 * hand in a PO editor, or an engine text edited there (its fingerprint no longer matches).
 */
export function decodeEntry(block: GetTextTranslation, obsolete: boolean, today: string): MemoryEntry {
  const comments = block.comments ?? {};
  const translation = block.msgstr[0] ?? '';
  const meta = readMeta(comments.extracted);
  const fuzzy = (comments.flag ?? '').split(',').some((flag) => flag.trim() === 'fuzzy');
  const editedByHand =
    meta.origin === undefined || (isEngineOrigin(meta.origin) && meta.sum !== fingerprint(translation));
  const origin: Origin = editedByHand ? 'human' : (meta.origin ?? 'human');
  const previousSource = comments.previous ? parsePreviousFields(comments.previous).get('msgid') : undefined;
  const previous: PreviousVersion | undefined =
    fuzzy && previousSource !== undefined
      ? { source: previousSource, translation: meta.previousTranslation ?? translation }
      : undefined;
  return {
    source: block.msgid,
    translation,
    origin,
    ...(!editedByHand && meta.model !== undefined && isEngineOrigin(origin) ? { model: meta.model } : {}),
    date: editedByHand || meta.date === undefined ? today : meta.date,
    references: (comments.reference ?? '').split(/\s+/).filter((reference) => reference !== ''),
    fuzzy,
    ...(previous ? { previous } : {}),
    obsolete,
    ...(comments.translator ? { comment: comments.translator } : {}),
  };
}
