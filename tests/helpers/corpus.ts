import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The shared corpus of real READMEs: present in CI and sessions, absent from a fresh clone. */
export const corpusFolder = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
export const hasCorpus = existsSync(corpusFolder);

if (!hasCorpus) {
  console.warn(
    `corpus tests skipped: ${corpusFolder} does not exist (it does in CI and development sessions)`,
  );
}

export function corpusFiles(): string[] {
  return hasCorpus
    ? readdirSync(corpusFolder)
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];
}

export function readCorpus(name: string): string {
  return readFileSync(join(corpusFolder, name), 'utf8');
}
