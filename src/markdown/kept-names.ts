import { parseMarkdown } from './parse.js';
import { splitSourceText } from './source-text.js';
import { createTermFinder, type TermOptions, type TermReason } from './terms.js';
import { extractUnits } from './units.js';

export interface KeptName {
  /** The text kept as it is, as the source writes it. */
  readonly name: string;
  readonly reason: TermReason;
  /** How many times the prose writes it. */
  readonly count: number;
  /** The first line that writes it. */
  readonly line: number;
}

/**
 * What the prose of a Markdown document keeps untranslated, and why, in order of first use: the names
 * a maintainer reviews once (`readme-i18n terms`) and an engine is told to keep.
 */
export function keptNames(
  raw: string,
  options: TermOptions & { frontMatter?: readonly string[] } = {},
): KeptName[] {
  const source = splitSourceText(raw);
  const tree = parseMarkdown(source.text);
  const find = createTermFinder(tree, options);
  const found = new Map<string, { reason: TermReason; count: number }>();
  extractUnits(
    source.text,
    tree,
    (line) => {
      const terms = find(line);
      for (const term of terms) {
        const name = line.slice(term.start, term.end);
        const seen = found.get(name);
        if (seen) seen.count++;
        else found.set(name, { reason: term.reason, count: 1 });
      }
      return terms.map((term) => [term.start, term.end] as const);
    },
    options.frontMatter,
  );
  return [...found].map(([name, { reason, count }]) => ({
    name,
    reason,
    count,
    line: lineOf(source.text, name),
  }));
}

/** The names alone, for an engine's instructions (an LLM's system prompt, a glossary). */
export function protectedNames(raw: string, options: TermOptions = {}): string[] {
  return keptNames(raw, options)
    .filter(
      (kept) => !['URL', 'character reference', 'emoji shortcode', 'emoji sequence'].includes(kept.reason),
    )
    .map((kept) => kept.name);
}

function lineOf(text: string, name: string): number {
  const at = text.indexOf(name);
  return at < 0 ? 0 : text.slice(0, at).split('\n').length;
}
