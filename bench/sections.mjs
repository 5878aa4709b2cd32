// Keeps docs/benchmarks.md as one section per benchmark: each script replaces only its own.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = join(import.meta.dirname, '..', 'docs', 'benchmarks.md');
const header =
  '# Benchmarks\n\nFigures from `npm run bench` on the project machine (2 cores, Node 20); each section is rewritten by its own script.\n';

/** Replaces the section `## title` of docs/benchmarks.md (or of `into`), or adds it at the end. */
export function writeSection(title, body, into = file) {
  const text = existsSync(into) ? readFileSync(into, 'utf8') : header;
  const heading = `## ${title}\n`;
  const start = text.indexOf(heading);
  const section = `${heading}\n${body.trim()}\n\n`;
  if (start === -1) {
    writeFileSync(into, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length);
  writeFileSync(into, text.slice(0, start) + section + (next === -1 ? '' : text.slice(next + 1)));
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export const corpusFolder = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
