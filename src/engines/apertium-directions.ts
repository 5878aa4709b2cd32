import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
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

/** The usage error for a direction that is not installed, with the line that installs it. */
export function missingDirectionError(from: string, to: string, installed: readonly string[]): UsageError {
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
