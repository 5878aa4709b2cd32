import { parseDocument } from 'yaml';
import { UsageError } from '../errors.js';

/** Parses JSON; a syntax error names the file, line and column. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, column } = lineAndColumn(text, jsonErrorOffset(text, message));
    // V8 quotes the whole text in some messages; the line and column say where instead.
    const reason = message
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/, ".*" is not valid JSON$/s, '');
    throw new UsageError(
      `${file}:${line}:${column}: not valid JSON (${reason}). ` +
        'Fix the syntax there; JSON allows no comments or trailing commas (use readme-i18n.config.yaml for comments).',
    );
  }
}

/** Parses YAML (one document); a syntax error names the file, line and column. */
export function parseYamlText(text: string, file: string): unknown {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const error = document.errors[0];
  if (error) {
    const { line, column } = lineAndColumn(text, error.pos[0]);
    throw new UsageError(
      `${file}:${line}:${column}: not valid YAML (${error.message.split('\n')[0]}). Fix the syntax there.`,
    );
  }
  try {
    // yaml stops a document whose aliases expand past `maxAliasCount` (an "alias bomb").
    return document.toJS({ maxAliasCount }) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      /alias/i.test(message)
        ? `${file}: not a usable configuration: its aliases (*name) expand to too much (${message.replace(/\.$/, '')}); ` +
            'write the values out instead of repeating aliases'
        : `${file}: not a usable configuration (${message}). Fix the YAML there.`,
      { cause: error },
    );
  }
}

/** Aliases a configuration may expand (yaml's default): more is an attack, not a configuration. */
const maxAliasCount = 100;

/**
 * Where JSON.parse failed. Node 20 gives the position for most errors but not all; without it, the
 * longest prefix that is merely unfinished (not wrong) ends where the error is.
 */
function jsonErrorOffset(text: string, message: string): number {
  const stated = / at position (\d+)/.exec(message)?.[1];
  if (stated !== undefined) return Number(stated);
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (isUnfinished(text.slice(0, middle))) good = middle;
    else bad = middle;
  }
  return isUnfinished(text) ? text.length : bad - 1;
}

function isUnfinished(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const position = / at position (\d+)/.exec(message)?.[1];
    return (
      message.startsWith('Unexpected end of JSON input') ||
      (position !== undefined && Number(position) >= prefix.length)
    );
  }
}

/** 1-based line and column of a UTF-16 offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
