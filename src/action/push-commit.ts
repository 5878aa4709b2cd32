import { UsageError } from '../errors.js';
import { PublishError } from '../publish/publish-error.js';
import { commitFiles, currentBranch, redact } from './commit-files.js';
import { git } from './git.js';

/**
 * Commit mode `push`: commits `files` on the checked-out branch and pushes it, never forcing. A
 * push made with the workflow token starts no workflow run, so this cannot loop.
 */
export async function pushCommit(cwd: string, files: readonly string[], token: string): Promise<void> {
  const branch = await currentBranch(cwd);
  if (branch === undefined) {
    throw new UsageError(
      'commit: push needs a branch, but HEAD is detached (a tag build?); use commit: none or pull-request, or check out a branch',
    );
  }
  await commitFiles(cwd, files);
  const push = await git(cwd, ['push', '--porcelain', 'origin', `HEAD:refs/heads/${branch}`]);
  if (push.code !== 0) {
    const reason = redact(`${push.stdout}\n${push.stderr}`, token)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith('!') || /rejected|denied|protected|error/i.test(line))
      .join('; ');
    throw new PublishError(
      `git push to ${branch} was rejected (${reason || 'no reason given'}): the branch moved on while this job ran, ` +
        'or it is protected. Nothing was forced; run the workflow again, or use commit: pull-request for protected branches',
    );
  }
}
