import { copyFile, lstat, mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { findRepository, repositoryPath } from '../repository-paths.js';
import { findSources } from '../pipeline/find-sources.js';
import { outputPath } from '../pipeline/outputs.js';
import type { ResolvedTranslateOptions } from '../pipeline/translate-options.js';

/**
 * The handover between the jobs of a matrix: `steps: translate` copies each language's translations
 * and memory into a folder (uploaded as an artifact), `steps: publish` takes them back (downloaded
 * into the same folder) before it renders, releases and commits once for every language.
 */
export function defaultHandoverDir(env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const temp = env.RUNNER_TEMP;
  return temp === undefined || temp === ''
    ? join(cwd, '..', 'readme-i18n-handover')
    : join(temp, 'readme-i18n-handover');
}

/** Every file a language's translation owns: each source's output and the memory, relative to the repository. */
export async function languageFiles(options: ResolvedTranslateOptions, lang: string): Promise<string[]> {
  const sources = await findSources(options.cwd, options.sources, options.out, options.langs);
  return [
    ...sources.map((source) => outputPath(options.out, lang, source)),
    outputPath(options.memory, lang),
  ];
}

/**
 * Copies `files` (relative to `cwd`, those that exist) into `dir` at the same relative paths. Only
 * regular files: a symbolic link (to a secret, say) is never followed into the artifact.
 */
export async function handOver(cwd: string, files: readonly string[], dir: string): Promise<string[]> {
  const copied: string[] = [];
  for (const file of files) {
    const from = resolve(cwd, file);
    if (!(await lstat(from).catch(() => undefined))?.isFile()) continue;
    const to = join(dir, file);
    await mkdir(dirname(to), { recursive: true });
    await copyFile(from, to);
    copied.push(file);
  }
  return copied.sort();
}

/**
 * Takes back what the translate jobs handed over: only the files named in `allowed` (the outputs and
 * memories of the languages configured), so that an artifact cannot write anywhere else in the
 * repository. Returns the files taken and the ones ignored.
 */
export async function takeOver(
  cwd: string,
  dir: string,
  allowed: ReadonlySet<string>,
): Promise<{ taken: string[]; ignored: string[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const taken: string[] = [];
  const ignored: string[] = [];
  const repository = await findRepository(cwd);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (!allowed.has(file)) {
      ignored.push(file);
      continue;
    }
    // Written only inside the repository: a `locales/` linked elsewhere is refused (exit 2).
    await repositoryPath(repository, file, 'a file handed over', { from: cwd });
    await writeFileAtomic(resolve(cwd, file), await readFile(join(dir, file)));
    taken.push(file);
  }
  return { taken: taken.sort(), ignored: ignored.sort() };
}
