/**
 * PO string escaping for the `#|` previous fields, which gettext-parser hands over as raw text.
 */

const escapes: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' };
const unescapes: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  '"': '"',
};

export function escapePoString(value: string): string {
  return value.replace(/[\\"\n\t\r]/g, (character) => escapes[character] ?? character);
}

export function unescapePoString(value: string): string {
  return value.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (whole, code: string) => {
    if (code.startsWith('x') && code.length > 1) return String.fromCharCode(parseInt(code.slice(1), 16));
    if (/^[0-7]+$/.test(code)) return String.fromCharCode(parseInt(code, 8));
    return unescapes[code] ?? whole;
  });
}

/**
 * Reads the keyword values of `#|` lines (`msgid "a"` then continuation lines `"b"`), as written
 * by us on one line or folded by msgmerge and PO editors.
 */
export function parsePreviousFields(raw: string): Map<string, string> {
  const fields = new Map<string, string>();
  let key: string | undefined;
  for (const line of raw.split('\n')) {
    const match = /^\s*(msgctxt|msgid_plural|msgid)?\s*"(.*)"\s*$/.exec(line);
    if (!match) continue;
    if (match[1] !== undefined) key = match[1];
    if (key === undefined) continue;
    fields.set(key, (fields.get(key) ?? '') + unescapePoString(match[2] ?? ''));
  }
  return fields;
}
