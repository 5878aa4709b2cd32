import type { Yaml } from 'mdast';
import { isMap, isScalar, parseDocument } from 'yaml';
import { nodeRange } from './node-range.js';
import type { Range } from './unit.js';

export interface FrontMatterValue {
  readonly key: string;
  /** The value's text inside its quotes, if any. */
  readonly range: Range;
  readonly style: 'plain' | 'double' | 'single';
}

/**
 * The translatable values of YAML front matter: top-level string scalars whose key is in `keys`.
 * Keys, other values and anything that is not a one-line string are never sent.
 */
export function frontMatterValues(text: string, node: Yaml, keys: readonly string[]): FrontMatterValue[] {
  if (keys.length === 0) return [];
  const { start, end } = nodeRange(node);
  const raw = text.slice(start, end);
  // The node's range includes the `---` fences: the YAML is what lies between their lines.
  const offset = start + raw.indexOf('\n') + 1;
  const yaml = text.slice(offset, start + raw.lastIndexOf('\n') + 1);
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

/** Escapes a translated value for its YAML style, or undefined when a plain scalar cannot hold it. */
export function escapeFrontMatter(value: string, style: FrontMatterValue['style']): string | undefined {
  const line = value.replace(/\s*\n\s*/g, ' ');
  // The unit's text is the value as written, escapes included: escape only what is new.
  if (style === 'double') return line.replace(/(?<!\\)"/g, '\\"');
  if (style === 'single')
    return line.replace(/'+/g, (quotes) => (quotes.length % 2 === 1 ? `${quotes}'` : quotes));
  return /: |\s#|^[-?:,[\]{}#&*!|>'"%@`]|:$/.test(line) ? undefined : line;
}
