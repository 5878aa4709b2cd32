/**
 * One header field of a PO file, read, removed or set in its text without parsing the entries:
 * the header is the first `msgid ""` / `msgstr ""` block, each field one or more quoted lines
 * (a PO editor or gettext-parser may fold a long value) ending with `\n`.
 */

interface FieldLines {
  /** Line indexes, end exclusive, of the field's quoted lines. */
  readonly start: number;
  readonly end: number;
  /** Where the header's quoted lines end (the line after the last one). */
  readonly headerEnd: number;
}

const headerStart = /^msgid ""\r?\nmsgstr ""\r?\n/;

function locate(lines: readonly string[], name: string): FieldLines | undefined {
  let headerEnd = 2;
  while (headerEnd < lines.length && /^".*"\r?$/.test(lines[headerEnd] ?? '')) headerEnd++;
  const prefix = `"${name}: `;
  for (let index = 2; index < headerEnd; index++) {
    if (!(lines[index] ?? '').startsWith(prefix)) continue;
    let end = index;
    while (end < headerEnd && !/\\n"\r?$/.test(lines[end] ?? '')) end++;
    return { start: index, end: Math.min(end + 1, headerEnd), headerEnd };
  }
  return { start: headerEnd, end: headerEnd, headerEnd };
}

/** The field's value, or undefined when the text has no such header field. */
export function readHeaderField(text: string, name: string): string | undefined {
  if (!headerStart.test(text)) return undefined;
  const lines = text.split('\n');
  const found = locate(lines, name);
  if (!found || found.start === found.end) return undefined;
  const joined = lines
    .slice(found.start, found.end)
    .map((line) => line.replace(/\r$/, '').slice(1, -1))
    .join('');
  return joined
    .slice(name.length + 2)
    .replace(/\\n$/, '')
    .replace(/\\(["\\])/g, '$1');
}

/** The text without the field (unchanged when it has none). */
export function withoutHeaderField(text: string, name: string): string {
  if (!headerStart.test(text)) return text;
  const lines = text.split('\n');
  const found = locate(lines, name);
  if (!found || found.start === found.end) return text;
  return [...lines.slice(0, found.start), ...lines.slice(found.end)].join('\n');
}

/**
 * The text with the field set to `value`, at the end of the header and folded as gettext-parser
 * folds it (so that the memory, saving the file again, writes the same lines), or undefined when
 * the text has no header.
 */
export async function withHeaderField(
  text: string,
  name: string,
  value: string,
): Promise<string | undefined> {
  if (!headerStart.test(text)) return undefined;
  const lines = withoutHeaderField(text, name).split('\n');
  const found = locate(lines, name);
  if (!found) return undefined;
  const eol = lines[0]?.endsWith('\r') ? '\r' : '';
  // Loaded here only: reading the field needs no PO library.
  const { po } = await import('gettext-parser');
  const compiled = po
    .compile({ charset: 'utf-8', headers: { [name]: value }, translations: {} })
    .toString('utf8')
    .split('\n');
  const last = compiled.findIndex((line, index) => index >= 2 && line.endsWith('\\n"'));
  lines.splice(found.headerEnd, 0, ...compiled.slice(2, last + 1).map((line) => line + eol));
  return lines.join('\n');
}
