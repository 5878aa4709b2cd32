import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './errors.js';
import { shown } from './shown-value.js';

/**
 * Where a run may read and write: inside the repository (the git work tree holding the current
 * folder, or the current folder where there is none), every path resolved with its symbolic links.
 * A configuration or a pull request cannot make the tool read a secret or write elsewhere; a person
 * who means it passes `--allow-outside-repo`.
 */
export interface Repository {
  /** The work tree (or the current folder), absolute. */
  readonly root: string;
  /** The same with its symbolic links resolved. */
  readonly realRoot: string;
  /** Paths outside `root` are allowed (never special files, nor the repository's `.git`). */
  readonly allowOutside: boolean;
}

/** A path checked to be usable: `file` as given (absolute), `real` where it really is. */
export interface RepositoryPath {
  readonly file: string;
  readonly real: string;
  /** The setting that named it, for messages (`--out`, `sources:`). */
  readonly setting: string;
}

const allowHint = 'pass --allow-outside-repo if you really mean a path outside the repository';

/** Folders of the kernel and devices: never read nor written, whatever is allowed. */
const specialRoots = ['/proc', '/sys', '/dev'];

/** The repository of `cwd`: the nearest folder upwards with a `.git`, else `cwd` itself. */
export async function findRepository(
  cwd: string,
  options: { readonly allowOutside?: boolean | undefined } = {},
): Promise<Repository> {
  const start = resolve(cwd);
  let root = start;
  for (let folder = start; ; folder = dirname(folder)) {
    if (await exists(join(folder, '.git'))) {
      root = folder;
      break;
    }
    if (dirname(folder) === folder) break;
  }
  return {
    root,
    realRoot: await realpath(root).catch(() => root),
    allowOutside: options.allowOutside ?? false,
  };
}

/**
 * Resolves `path` (relative to `from`, the current folder of the run) with its symbolic links, and
 * refuses with a UsageError (exit 2) naming `setting` one that lands outside the repository, in its
 * `.git`, or on anything but a regular file (or folder, with `kind: 'folder'`). A path not yet created
 * is judged by where its nearest existing folder really is.
 */
export async function repositoryPath(
  repository: Repository,
  path: string,
  setting: string,
  options: { readonly from?: string; readonly kind?: 'file' | 'folder' } = {},
): Promise<RepositoryPath> {
  const file = resolve(options.from ?? repository.root, path);
  const named = `${setting} names ${shown(path)}`;
  const located = await locate(file);
  const where = located.real === file ? '' : `, which resolves to ${shown(located.real)}`;
  if (specialRoots.some((special) => isWithin(special, located.real))) {
    throw new UsageError(`${named}${where}, a special file of the system; name a file of the repository`);
  }
  if (isWithin(join(repository.realRoot, '.git'), located.real)) {
    throw new UsageError(
      `${named}${where}, inside the repository's .git folder; name a file of the work tree`,
    );
  }
  if (!repository.allowOutside && !isWithin(repository.realRoot, located.real)) {
    throw new UsageError(`${named}${where}, outside the repository ${shown(repository.root)}; ${allowHint}`);
  }
  const kind = options.kind ?? 'file';
  if (located.type !== undefined && located.type !== kind) {
    const what =
      located.type === 'folder' || located.type === 'file' ? `a ${located.type}` : 'a special file';
    throw new UsageError(`${named}${where}, which is ${what}, not a ${kind}`);
  }
  return { file, real: located.real, setting };
}

/**
 * Refuses two settings that name the same file where they must not (an output over a source, or over
 * a translation memory): exit 2 before anything is written.
 */
export function refuseSameFile(paths: readonly RepositoryPath[]): void {
  const seen = new Map<string, RepositoryPath>();
  for (const path of paths) {
    const earlier = seen.get(path.real);
    if (earlier === undefined) {
      seen.set(path.real, path);
      continue;
    }
    const same = earlier.file === path.file ? '' : ` (${shown(display(earlier.file))})`;
    throw new UsageError(
      `${path.setting} names ${shown(display(path.file))}, the same file as ${earlier.setting}${same}; ` +
        "each must be a file of its own, for example --out '{dir}/locales/{name}.{lang}.md' and --memory 'locales/{lang}.po'",
    );
  }
}

/** A path as the user would write it: relative to the current folder when inside it. */
function display(file: string): string {
  const path = relative(process.cwd(), file);
  return path === '' || path.startsWith('..') ? file : path;
}

type FileType = 'file' | 'folder' | 'special';

/** Where `file` really is, following links (also a link to a file not yet created), and what it is. */
async function locate(file: string, depth = 0): Promise<{ real: string; type: FileType | undefined }> {
  if (depth > 40) throw new UsageError(`${shown(file)}: too many levels of symbolic links`);
  try {
    const real = await realpath(file);
    const info = await stat(real);
    return { real, type: info.isFile() ? 'file' : info.isDirectory() ? 'folder' : 'special' };
  } catch (error) {
    if (!isMissing(error)) throw new UsageError(`cannot resolve ${shown(file)}: ${reason(error)}`);
  }
  const link = await lstat(file).catch(() => undefined);
  if (link?.isSymbolicLink()) return locate(resolve(dirname(file), await readlink(file)), depth + 1);
  const parent = dirname(file);
  if (parent === file) return { real: file, type: undefined };
  const above = await locate(parent, depth);
  return { real: join(above.real, basename(file)), type: undefined };
}

function isWithin(folder: string, file: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

async function exists(file: string): Promise<boolean> {
  return (await lstat(file).catch(() => undefined)) !== undefined;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
