import type { GetTextTranslation } from 'gettext-parser';
import { isEngineOrigin, type MemoryEntry, type Origin, type PreviousVersion } from './entry.js';
import { fingerprint } from './fingerprint.js';
import { escapePoString, parsePreviousFields } from './po-string.js';

/**
 * Maps a memory entry to a gettext-parser block and back. Our metadata lives in extracted comments,
 * which msgfmt ignores and PO editors show read-only ("notes for translators"):
 *
 *     #. readme-i18n: engine=deepl date=2026-11-29 sum=2f1c0e9a7b3d
 *     #. readme-i18n: engine=openai model=gpt-4o-mini date=2026-11-29 sum=2f1c0e9a7b3d
 *     #. readme-i18n: human date=2026-11-30 sum=9a0b1c2d3e4f shown=none
 *     #. readme-i18n: previous-translation="Ancienne traduction"
 *
 * `sum` fingerprints the `msgstr` as the tool wrote it, so a `msgstr` edited in a PO editor is
 * recognised on the next load (an engine's text becomes a human translation). `shown`, written only
 * when it differs, fingerprints what the Markdown output shows for the unit (`none`: nothing yet):
 * the base against which an edit of the output is told apart. Unknown words are ignored, so the
 * note can grow (a model after the engine). The previous translation is JSON on one line because
 * gettext only knows `#| msgid`, not `#| msgstr` (msgfmt rejects the latter).
 */

const metaPrefix = 'readme-i18n:';
const previousPrefix = `${metaPrefix} previous-translation=`;

export function encodeEntry(entry: MemoryEntry): GetTextTranslation {
  const model = entry.model === undefined ? '' : ` model=${entry.model}`;
  const who = isEngineOrigin(entry.origin)
    ? `engine=${entry.origin.slice('engine:'.length)}${model}`
    : 'human';
  // Saving is the tool writing the msgstr: its fingerprint is the new base of the PO side.
  const sum = ` sum=${fingerprint(entry.translation)}`;
  const shown = entry.shown === undefined ? '' : ` shown=${entry.shown}`;
  const extracted = [`${metaPrefix} ${who} date=${entry.date}${sum}${shown}`];
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
  shown?: string;
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
        else if (key === 'shown' && /^(?:none|[0-9a-f]{12})$/.test(value)) meta.shown = value;
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
  // Changed in a PO editor since the tool wrote it (an entry without a note was written there).
  const changed = meta.sum !== undefined && meta.sum !== fingerprint(translation);
  const editedByHand =
    meta.origin === undefined ||
    changed ||
    (isEngineOrigin(meta.origin) && meta.sum === undefined && translation !== '');
  const origin: Origin = editedByHand ? 'human' : (meta.origin ?? 'human');
  // Until its new text is written out, the Markdown output still shows what the tool wrote.
  const shown = meta.shown ?? (changed ? meta.sum : undefined);
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
    ...(meta.sum !== undefined ? { written: meta.sum } : {}),
    ...(shown !== undefined ? { shown } : {}),
  };
}
