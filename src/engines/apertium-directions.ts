import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { isPseudoLocale, primaryLanguage } from '../language-tag.js';
import { candidateDirections, debianPackageFor } from './apertium-languages.js';

/** Where Debian's Apertium packages put their modes (`apertium -l` lists this folder). */
export const defaultModesDir = '/usr/share/apertium/modes';

/**
 * The installed translation directions (`eng-spa`, `eng-cat_valencia`, …), sorted: the names of the
 * `*.mode` files, which is what `apertium -l` prints. No folder means no pair is installed.
 */
export async function listApertiumDirections(modesDir: string = defaultModesDir): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(modesDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => name.endsWith('.mode'))
    .map((name) => name.slice(0, -'.mode'.length))
    .sort();
}

export interface ResolvedDirection {
  /** The direction name, such as `eng-spa`. */
  readonly name: string;
  /** The mode file that describes its pipeline. */
  readonly modeFile: string;
}

/** The installed direction for `from`→`to`, or `undefined`. */
export function findDirection(
  from: string,
  to: string,
  installed: readonly string[],
  modesDir: string = defaultModesDir,
): ResolvedDirection | undefined {
  const name = candidateDirections(from, to).find((candidate) => installed.includes(candidate));
  return name === undefined ? undefined : { name, modeFile: join(modesDir, `${name}.mode`) };
}

/**
 * Why no Apertium pair can ever translate `from` into `to`, and what to do instead: `to` is a
 * pseudo-locale (`en-XA`), or a variant of the source's own language (`en-GB` from `en`). Undefined
 * when a pair may exist.
 */
export function apertiumCannotWrite(from: string, to: string): { reason: string; fix: string } | undefined {
  if (isPseudoLocale(to)) {
    return {
      reason: `${to} is a pseudo-locale (accented, padded text to test a layout), not a language`,
      fix: `translate it with the pseudo engine: readme-i18n translate --lang ${to} --engine pseudo`,
    };
  }
  if (primaryLanguage(to) === primaryLanguage(from)) {
    return {
      reason: `${to} is a variant of the source's own language, and Apertium translates between languages`,
      fix: `use an engine that writes variants (DeepL: en-GB, en-US, pt-BR, pt-PT…), or leave ${to} out of the languages`,
    };
  }
  return undefined;
}

/** The usage error for a direction that is not installed, with the line that installs it. */
export function missingDirectionError(from: string, to: string, installed: readonly string[]): UsageError {
  const cannot = apertiumCannotWrite(from, to);
  if (cannot !== undefined) {
    return new UsageError(`Apertium cannot translate ${from} → ${to}: ${cannot.reason}; ${cannot.fix}`);
  }
  const wanted = candidateDirections(from, to)[0] ?? `${from}-${to}`;
  const debian = debianPackageFor(from, to);
  const install = `sudo apt-get install ${debian.name}`;
  const hint = debian.known
    ? `Install it with:\n  ${install}`
    : `Debian has no package for this pair that readme-i18n knows of; if one exists it is installed with:\n  ${install}\n` +
      "(`apt-cache search '^apertium-'` lists the pairs Debian packages)";
  const have = installed.length === 0 ? 'none' : installed.join(', ');
  return new UsageError(
    `Apertium cannot translate ${from} → ${to}: direction ${wanted} is not installed (installed: ${have}). ${hint}`,
  );
}
