import type { Yaml } from 'mdast';
import { parseTOML } from 'toml-eslint-parser';
import type { Node } from 'unist';
import { isMap, isScalar, parseDocument } from 'yaml';
import { nodeRange } from './node-range.js';
import type { Range } from './unit.js';

export interface FrontMatterValue {
  readonly key: string;
  /** The value's text inside its quotes, if any. */
  readonly range: Range;
  /** YAML's plain, double-quoted or single-quoted scalars; TOML's basic (`"…"`) or literal (`'…'`) strings. */
  readonly style: 'plain' | 'double' | 'single' | 'basic' | 'literal';
}

/** The front matter between its fences (`---` for YAML, `+++` for TOML), and where it starts. */
function inside(text: string, node: Node): { offset: number; body: string } {
  const { start, end } = nodeRange(node);
  const raw = text.slice(start, end);
  // The node's range includes the fences: the front matter is what lies between their lines.
  const offset = start + raw.indexOf('\n') + 1;
  return { offset, body: text.slice(offset, start + raw.lastIndexOf('\n') + 1) };
}

/**
 * The translatable values of front matter (a `yaml` or `toml` node): top-level one-line strings whose
 * key is in `keys`. Keys, other values, tables and anything that is not a one-line string are never
 * sent; front matter that does not parse gives none.
 */
export function frontMatterValues(
  text: string,
  node: Yaml | Node,
  keys: readonly string[],
): FrontMatterValue[] {
  if (keys.length === 0) return [];
  return node.type === 'toml' ? tomlValues(text, node, keys) : yamlValues(text, node, keys);
}

function yamlValues(text: string, node: Node, keys: readonly string[]): FrontMatterValue[] {
  const { offset, body: yaml } = inside(text, node);
  const document = parseDocument(yaml);
  if (!isMap(document.contents)) return [];
  const values: FrontMatterValue[] = [];
  for (const item of document.contents.items) {
    const key = isScalar(item.key) ? String(item.key.value) : undefined;
    if (
      key === undefined ||
      !keys.includes(key) ||
      !isScalar(item.value) ||
      typeof item.value.value !== 'string'
    )
      continue;
    const [valueStart, valueEnd] = item.value.range ?? [0, 0];
    if (yaml.slice(valueStart, valueEnd).includes('\n')) continue;
    const type = item.value.type;
    const style =
      type === 'QUOTE_DOUBLE'
        ? 'double'
        : type === 'QUOTE_SINGLE'
          ? 'single'
          : type === 'PLAIN'
            ? 'plain'
            : undefined;
    if (!style) continue;
    const inset = style === 'plain' ? 0 : 1;
    values.push({
      key,
      style,
      range: { start: offset + valueStart + inset, end: offset + valueEnd - inset },
    });
  }
  return values;
}

/** TOML: `key = "value"` or `key = 'value'` before the first table, the key bare or quoted, not dotted. */
function tomlValues(text: string, node: Node, keys: readonly string[]): FrontMatterValue[] {
  const { offset, body } = inside(text, node);
  let ast: ReturnType<typeof parseTOML>;
  try {
    ast = parseTOML(body);
  } catch {
    return [];
  }
  const values: FrontMatterValue[] = [];
  for (const item of ast.body[0]?.body ?? []) {
    if (item.type !== 'TOMLKeyValue' || item.key.keys.length !== 1) continue;
    const [part] = item.key.keys;
    const key = part?.type === 'TOMLBare' ? part.name : part?.value;
    const value = item.value;
    if (key === undefined || !keys.includes(key) || value.type !== 'TOMLValue' || value.kind !== 'string')
      continue;
    if (value.multiline) continue;
    const [start, end] = value.range;
    values.push({ key, style: value.style, range: { start: offset + start + 1, end: offset + end - 1 } });
  }
  return values;
}

/** Escapes a translated value for its style, or undefined when the value's quotes cannot hold it. */
export function escapeFrontMatter(value: string, style: FrontMatterValue['style']): string | undefined {
  const line = value.replace(/\s*\n\s*/g, ' ');
  // The unit's text is the value as written, escapes included: escape only what is new.
  if (style === 'double' || style === 'basic') return line.replace(/(?<!\\)"/g, '\\"');
  if (style === 'single')
    return line.replace(/'+/g, (quotes) => (quotes.length % 2 === 1 ? `${quotes}'` : quotes));
  // A TOML literal string has no escapes: it cannot hold an apostrophe.
  if (style === 'literal') return line.includes("'") ? undefined : line;
  return /: |\s#|^[-?:,[\]{}#&*!|>'"%@`]|:$/.test(line) ? undefined : line;
}
