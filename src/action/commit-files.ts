import { PublishError } from '../publish/publish-error.js';
import { git } from './git.js';

/** The identity GitHub shows for commits of the workflow token. */
const bot = [
  '-c',
  'user.name=github-actions[bot]',
  '-c',
  'user.email=41898282+github-actions[bot]@users.noreply.github.com',
];

export const commitMessage = 'docs: update README translations';

/** Stages exactly `files` (additions, changes and deletions) and commits them. */
export async function commitFiles(
  cwd: string,
  files: readonly string[],
  message = commitMessage,
): Promise<void> {
  const add = await git(cwd, ['add', '-A', '--', ...files]);
  if (add.code !== 0) throw new PublishError(`git add failed in ${cwd}: ${add.stderr.trim()}`);
  const commit = await git(cwd, [...bot, 'commit', '--no-verify', '-m', message, '--', ...files]);
  if (commit.code !== 0) throw new PublishError(`git commit failed in ${cwd}: ${commit.stderr.trim()}`);
}

/** The checked-out branch, or undefined on a detached HEAD (a tag build). */
export async function currentBranch(cwd: string): Promise<string | undefined> {
  const result = await git(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** Removes `secret` from text that may be shown (git messages can echo a remote URL). */
export function redact(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('***');
}
