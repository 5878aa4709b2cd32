import type * as z from 'zod';
import { shown } from '../shown-value.js';

type Key = PropertyKey;

/** Allowed keys by the path of their object, for messages about unknown keys. */
export type KnownKeys = Readonly<Record<string, readonly string[]>>;

/**
 * One line per problem: `<label>: <key path>: <value> <what is wrong>; expected <what>`. The value is
 * read from `data` at the issue's path, so the user sees exactly what they wrote.
 */
export function describeIssues(
  label: string,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  knownKeys: KnownKeys,
): string {
  return issues.map((issue) => describeIssue(label, issue, data, knownKeys)).join('\n');
}

function describeIssue(label: string, issue: z.core.$ZodIssue, data: unknown, knownKeys: KnownKeys): string {
  const where = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const allowed = knownKeys[where] ?? [];
    return issue.keys
      .map(
        (key) =>
          `${label}: ${formatPath([...issue.path, key])}: unknown key${didYouMean(key, allowed)}; ` +
          `expected one of ${allowed.join(', ')}`,
      )
      .join('\n');
  }
  if (issue.code === 'invalid_key') {
    const key = issue.path.at(-1);
    const parent = formatPath(issue.path.slice(0, -1));
    const reason = issue.issues[0]?.message ?? issue.message;
    return `${label}: ${parent}: key '${String(key)}' ${reason}`;
  }
  const value = valueAt(data, issue.path);
  const prefix = where === '' ? `${label}: ` : `${label}: ${where}: `;
  if (value === undefined || value === null) return `${prefix}no value; ${issue.message}`;
  if (!issue.message.startsWith('expected')) return `${prefix}${show(value)} ${issue.message}`;
  const verdict = issue.code === 'invalid_type' ? `is ${kind(value)}` : 'is not allowed';
  return `${prefix}${show(value)} ${verdict}; ${issue.message}`;
}

/** `languages[1]`, `render.pdf`, `formality["pt BR"]`. */
export function formatPath(path: readonly Key[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function valueAt(data: unknown, path: readonly Key[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<Key, unknown>)[key];
  }
  return current;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${shown(value)}'`;
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function kind(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

/** The allowed key most likely meant: the same but for case and separators, or the same start. */
function didYouMean(key: string, allowed: readonly string[]): string {
  const plain = (text: string) => text.toLowerCase().replace(/[-_\s]/g, '');
  const wanted = plain(key);
  const match =
    allowed.find((candidate) => plain(candidate) === wanted) ??
    allowed.find((candidate) => wanted.length >= 4 && plain(candidate).startsWith(wanted.slice(0, 4)));
  return match === undefined ? '' : ` (did you mean ${match}?)`;
}
