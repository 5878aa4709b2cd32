import { parseDocument, type DocumentOptions } from '../../src/markdown/document.js';
import { createTermProtector } from '../../src/markdown/terms.js';
import { applyEdits, findDestinations } from '../../src/markdown/destinations.js';
import { parseMarkdown } from '../../src/markdown/parse.js';

/** The do-not-translate terms the core protected in a source: placeholders that are terms. */
export function protectedTerms(
  source: string,
  options: DocumentOptions = {},
  document = parseDocument(source, options),
): Set<string> {
  const protect = createTermProtector(document.tree, options);
  const terms = new Set<string>();
  for (const unit of document.allUnits) {
    for (const range of unit.xs.values()) {
      const slice = document.text.slice(range.start, range.end);
      const spans = protect(slice, range.start);
      if (spans.length === 1 && spans[0]?.[0] === 0 && spans[0][1] === slice.length) terms.add(slice);
    }
  }
  return terms;
}

/** How often a term stands on its own in a text's prose (not in a link target, a longer word or a path). */
export function countTerm(text: string, term: string): number {
  // A plain search with the boundaries checked around each find: a regular expression per term,
  // compiled and run over a whole README for each of its thousand terms, takes seconds.
  const prose = withoutDestinations(text);
  let count = 0;
  for (let at = prose.indexOf(term); at !== -1;) {
    const end = at + term.length;
    if (
      !wordBefore.test(prose.slice(Math.max(0, at - 2), at)) &&
      !wordAfter.test(prose.slice(end, end + 2))
    ) {
      count += 1;
      at = prose.indexOf(term, end);
    } else at = prose.indexOf(term, at + 1);
  }
  return count;
}

const wordBefore = /[\p{L}\p{N}_/.-]$/u;
const wordAfter = /^[\p{L}\p{N}_/-]/u;

const cache = new Map<string, string>();

/** The text with every link and image destination blanked: relative ones are rebased on purpose. */
function withoutDestinations(text: string): string {
  let stripped = cache.get(text);
  if (stripped === undefined) {
    const edits = findDestinations(text, parseMarkdown(text)).map((destination) => ({
      range: destination.range,
      text: ' ',
    }));
    stripped = applyEdits(text, edits);
    cache.set(text, stripped);
  }
  return stripped;
}
