const bom = '\uFEFF';

export interface SourceText {
  /** The text without its byte order mark: every offset of the syntax tree points into this. */
  readonly text: string;
  /** Whether the file began with a byte order mark, which the output keeps. */
  readonly bom: boolean;
  /** The line ending the file mostly uses, for the lines readme-i18n adds. */
  readonly eol: '\n' | '\r\n';
}

export function splitSourceText(raw: string): SourceText {
  const hasBom = raw.startsWith(bom);
  const text = hasBom ? raw.slice(1) : raw;
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = text.match(/\n/g)?.length ?? 0;
  return { text, bom: hasBom, eol: crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n' };
}

export function joinSourceText(text: string, source: Pick<SourceText, 'bom'>): string {
  return source.bom ? bom + text : text;
}
