import { shownBy } from '../memory/entry.js';
import { fingerprint } from '../memory/fingerprint.js';
import type { TranslationMemory } from '../memory/translation-memory.js';
import type { WrittenBlock } from './align-written.js';

/**
 * The blocks of a source's output as the last complete run wrote them, in order: each run ends by
 * noting where every unit stands in its source (the PO file's `#: README.md:12` references), and
 * the output's blocks follow its source's. What each showed is the entry's `sum=` (or `shown=`).
 * Entries that no output showed (a run stopped before writing, an old human text awaiting review,
 * an empty translation) are left out. A memory without references gives an empty layout.
 */
export function writtenLayout(memory: TranslationMemory, sourcePath: string): WrittenBlock[] {
  const placed: Array<{ line: number; order: number; block: WrittenBlock }> = [];
  memory.entries().forEach((entry, order) => {
    if (entry.obsolete || entry.translation === '' || (entry.fuzzy && entry.origin === 'human')) return;
    const shown = shownBy(entry);
    if (shown === 'none') return;
    const keys = [fingerprint(entry.translation), shown];
    for (const reference of entry.references) {
      const colon = reference.lastIndexOf(':');
      const line = Number(reference.slice(colon + 1));
      if (colon <= 0 || reference.slice(0, colon) !== sourcePath || !Number.isSafeInteger(line)) continue;
      placed.push({ line, order, block: { source: entry.source, keys, line } });
    }
  });
  // Units that share a line (table cells, an image's alt text) come in the order the run met them.
  placed.sort((a, b) => a.line - b.line || a.order - b.order);
  return placed.map((item) => item.block);
}
