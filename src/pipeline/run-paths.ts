import { findRepository, refuseSameFile, repositoryPath, type RepositoryPath } from '../repository-paths.js';
import { memoryPath } from '../memory/memory-path.js';
import type { ResolvedTranslateOptions } from './translate-options.js';

/** The settings that name the files of a run, as messages name them. */
export const pathSettings = {
  source: '--source (sources: in the configuration)',
  out: '--out (out: in the configuration)',
  memory: '--memory (memory: in the configuration)',
} as const;

/** A source with the file of each of its languages: the source itself first, then its translations. */
export interface PlannedSource {
  readonly path: string;
  readonly languages: ReadonlyArray<{ readonly lang: string; readonly path: string }>;
}

/**
 * Checks every file a translate or check run will read or write before it reads any: each inside
 * the repository (symbolic links followed), a regular file where it exists, and no two the same (an
 * output over a source or a memory). Throws a UsageError (exit 2) naming the setting and the path.
 */
export async function checkRunPaths(
  options: Pick<ResolvedTranslateOptions, 'cwd' | 'langs' | 'memory' | 'allowOutsideRepo'>,
  sources: readonly PlannedSource[],
): Promise<void> {
  const repository = await findRepository(options.cwd, { allowOutside: options.allowOutsideRepo });
  const at = (path: string, setting: string): Promise<RepositoryPath> =>
    repositoryPath(repository, path, setting, { from: options.cwd });
  const checked: RepositoryPath[] = [];
  for (const source of sources) checked.push(await at(source.path, pathSettings.source));
  for (const lang of new Set(options.langs))
    checked.push(await at(memoryPath(options.memory, lang), pathSettings.memory));
  for (const source of sources) {
    for (const language of source.languages.slice(1)) checked.push(await at(language.path, pathSettings.out));
  }
  refuseSameFile(checked);
}
