import { PublishError } from '../publish/publish-error.js';
import { git } from './git.js';

/**
 * Files under `paths` that differ from HEAD (new, changed or deleted), relative to the repository
 * root. Only these are ever committed: never anything else the job touched.
 */
export async function changedFiles(cwd: string, paths: readonly string[]): Promise<string[]> {
  const status = await git(cwd, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...paths]);
  if (status.code !== 0) {
    throw new PublishError(`git status failed in ${cwd}: ${status.stderr.trim()}; is it a git checkout?`);
  }
  const files: string[] = [];
  const entries = status.stdout.split('\0').filter((entry) => entry !== '');
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index] as string;
    files.push(entry.slice(3));
    // A rename is followed by its old path, which is not a file of ours to stage.
    if (entry.startsWith('R')) index += 1;
  }
  return files.sort();
}
