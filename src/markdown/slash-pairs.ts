import { isEnglishWord } from './english-words.js';
import { namesLexicon } from './names-lexicon.js';
import { capitalize } from './names/tokens.js';

interface Span {
  readonly start: number;
  readonly end: number;
}

// Words joined by slashes and nothing else: `X/Twitter`, `u/int8`, `javascript/node.js`, `*nix/windows`.
const slashed =
  /(?<![\p{L}\p{N}_./\\*@#-])\*?[\p{L}\p{N}][\p{L}\p{N}_.+#-]*(?:\/\*?[\p{L}\p{N}][\p{L}\p{N}_.+#-]*)+(?![\p{L}\p{N}_/])/gu;

/** A known brand however the text writes it: `windows`, `javascript`, `Twitter`. */
function brand(word: string): boolean {
  const lexicon = namesLexicon();
  return (
    lexicon.sourceOf(word) !== undefined ||
    lexicon.sourceOf(capitalize(word)) !== undefined ||
    lexicon.sourceOfLowerCase(word.toLowerCase()) !== undefined
  );
}

/**
 * Names joined by slashes are one name (`X/Twitter`, `u/int8` for `uint8`/`int8`, `javascript/node.js`,
 * `*nix/windows`): a part the line already keeps, or a wildcard name (`*nix`), makes the others names
 * too where each is one letter or a known brand in any case; translated apart, `X/Twitter` loses its
 * `X` and `*nix/windows` becomes `*nix/ventanas`. A brand that is an English word (`windows`,
 * `skeleton`) needs a wildcard or another brand beside it (not `skeleton/XLF`). Words of no name
 * (`and/or`, `read/write`, `Docker/containers`) are left as they are. Returns the spans of the whole
 * pairs to keep.
 */
export function slashPairs(line: string, kept: readonly Span[]): Span[] {
  const pairs: Span[] = [];
  for (const match of line.matchAll(slashed)) {
    const text = match[0].replace(/\.+$/u, '');
    let at = match.index;
    const kinds = text.split('/').map((part) => {
      const start = at;
      const end = at + part.length;
      at = end + 1;
      if (part.startsWith('*')) return 'wildcard';
      if (kept.some((span) => span.start <= start && span.end >= end)) return 'kept';
      const known = brand(part);
      if (known && isEnglishWord(part.toLowerCase())) return 'word brand';
      if (known) return 'brand';
      return /^\p{L}$/u.test(part) ? 'letter' : 'none';
    });
    const strong = kinds.some((kind) => kind === 'kept' || kind === 'wildcard' || kind === 'brand');
    const vouched =
      !kinds.includes('word brand') || kinds.some((kind) => kind === 'wildcard' || kind === 'brand');
    const covered = kept.some((span) => span.start <= match.index && span.end >= match.index + text.length);
    if (strong && vouched && !covered && !kinds.includes('none'))
      pairs.push({ start: match.index, end: match.index + text.length });
  }
  return pairs;
}
