import { UsageError } from '../errors.js';
import type { GitHubClient } from '../publish/github-client.js';
import { PublishError } from '../publish/publish-error.js';
import { commitFiles, currentBranch, redact } from './commit-files.js';
import { git } from './git.js';

export interface PullRequestOptions {
  readonly cwd: string;
  readonly files: readonly string[];
  readonly client: GitHubClient;
  readonly owner: string;
  readonly repo: string;
  /** The fixed branch the translations go to. */
  readonly branch: string;
  readonly token: string;
  readonly title: string;
  readonly body: string;
}

/**
 * Commit mode `pull-request`: commits `files` on the fixed branch, started from the current one,
 * and opens the pull request, or updates the one already open from that branch. The branch belongs
 * to this Action and is rebuilt each run, so it is replaced with a lease: only if it is still
 * where it was a moment before.
 */
export async function openPullRequest(options: PullRequestOptions): Promise<string> {
  const { cwd } = options;
  const base = await currentBranch(cwd);
  if (base === undefined) {
    throw new UsageError(
      'commit: pull-request needs a branch to start from, but HEAD is detached (a tag build?)',
    );
  }
  if (base === options.branch) {
    throw new UsageError(
      `the pull-request branch '${options.branch}' is the checked-out branch; set the input 'branch' to another`,
    );
  }
  const remote = await git(cwd, ['ls-remote', 'origin', `refs/heads/${options.branch}`]);
  const lease = remote.stdout.split(/\s/)[0] ?? '';
  const checkout = await git(cwd, ['checkout', '-B', options.branch]);
  if (checkout.code !== 0)
    throw new PublishError(`git checkout -B ${options.branch} failed: ${checkout.stderr.trim()}`);
  await commitFiles(cwd, options.files);
  const push = await git(cwd, [
    'push',
    `--force-with-lease=refs/heads/${options.branch}:${lease}`,
    'origin',
    `${options.branch}:refs/heads/${options.branch}`,
  ]);
  if (push.code !== 0) {
    throw new PublishError(
      `git push to ${options.branch} was rejected: ${redact(push.stderr, options.token).trim()}; ` +
        'someone else pushed to it during this run: run the workflow again',
    );
  }
  const target = { owner: options.owner, repo: options.repo };
  const open = await options.client.rest.pulls.list({
    ...target,
    head: `${options.owner}:${options.branch}`,
    state: 'open',
  });
  const existing = open.data[0];
  if (existing !== undefined) {
    const updated = await options.client.rest.pulls.update({
      ...target,
      pull_number: existing.number,
      title: options.title,
      body: options.body,
    });
    return updated.data.html_url;
  }
  const created = await options.client.rest.pulls.create({
    ...target,
    head: options.branch,
    base,
    title: options.title,
    body: options.body,
  });
  return created.data.html_url;
}
