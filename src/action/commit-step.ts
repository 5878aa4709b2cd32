import { UsageError } from '../errors.js';
import type { GitHubClient } from '../publish/github-client.js';
import { PublishError } from '../publish/publish-error.js';
import { changedFiles } from './changed-files.js';
import { commitFiles, currentBranch, redact } from './commit-files.js';
import { git } from './git.js';
import type { CommitMode } from './inputs.js';

export interface CommitStepOptions {
  readonly cwd: string;
  readonly mode: CommitMode;
  /** The fixed branch of the pull request (mode `pull-request`). */
  readonly branch: string;
  readonly token: string;
  /** The git environment, with the token's credentials (see `gitEnvWithToken`). */
  readonly gitEnv: NodeJS.ProcessEnv;
  /** The GitHub client and repository, made on first need (mode `pull-request`). */
  readonly github: () => { client: GitHubClient; owner: string; repo: string };
  readonly dryRun: boolean;
}

export interface SavedFiles {
  readonly files: string[];
  readonly pullRequestUrl: string | undefined;
}

/**
 * Saves the Action's changed files where the next run finds them, as often as the run has something
 * worth keeping: translations and memories right after they are paid for, the site after it is
 * rendered. Mode `push` commits on the checked-out branch and pushes (never forced; a push made with
 * the workflow token starts no workflow run, so this cannot loop). Mode `pull-request` commits on
 * the fixed branch, started from the checked-out one, pushes it with a lease and opens or updates
 * one pull request. Mode `none` only lists the files.
 */
export class CommitStep {
  private base: string | undefined;
  private pullRequestUrl: string | undefined;
  private readonly saved = new Set<string>();

  constructor(private readonly options: CommitStepOptions) {}

  /** Every file saved so far, sorted. */
  get files(): string[] {
    return [...this.saved].sort();
  }

  get url(): string | undefined {
    return this.pullRequestUrl;
  }

  /** Commits and pushes the changed files under `paths`; returns those files. */
  async save(paths: readonly string[], body: string): Promise<string[]> {
    const { cwd, mode } = this.options;
    const files = paths.length === 0 ? [] : await changedFiles(cwd, paths);
    for (const file of files) this.saved.add(file);
    if (files.length === 0 || mode === 'none' || this.options.dryRun) return files;
    if (mode === 'push') await this.push(files);
    else await this.pullRequest(files, body);
    return files;
  }

  private async push(files: readonly string[]): Promise<void> {
    const { cwd, token } = this.options;
    const branch = await currentBranch(cwd);
    if (branch === undefined) {
      throw new UsageError(
        'commit: push needs a branch, but HEAD is detached (a tag build?); use commit: none or pull-request, or check out a branch',
      );
    }
    await commitFiles(cwd, files);
    const push = await git(
      cwd,
      ['push', '--porcelain', 'origin', `HEAD:refs/heads/${branch}`],
      this.options.gitEnv,
    );
    if (push.code !== 0) throw pushRejected(branch, redact(`${push.stdout}\n${push.stderr}`, token));
  }

  private async pullRequest(files: readonly string[], body: string): Promise<void> {
    const { cwd, branch, token, gitEnv } = this.options;
    if (this.base === undefined) {
      const base = await currentBranch(cwd);
      if (base === undefined) {
        throw new UsageError(
          'commit: pull-request needs a branch to start from, but HEAD is detached (a tag build?)',
        );
      }
      if (base === branch) {
        throw new UsageError(
          `the pull-request branch '${branch}' is the checked-out branch; set the input 'branch' to another`,
        );
      }
      const checkout = await git(cwd, ['checkout', '-B', branch]);
      if (checkout.code !== 0)
        throw new PublishError(`git checkout -B ${branch} failed: ${checkout.stderr.trim()}`);
      this.base = base;
    }
    // The branch belongs to this Action and is rebuilt each run: replaced only if it is still
    // where it was a moment before.
    const remote = await git(cwd, ['ls-remote', 'origin', `refs/heads/${branch}`], gitEnv);
    const lease = remote.stdout.split(/\s/)[0] ?? '';
    await commitFiles(cwd, files);
    const push = await git(
      cwd,
      [
        'push',
        `--force-with-lease=refs/heads/${branch}:${lease}`,
        'origin',
        `${branch}:refs/heads/${branch}`,
      ],
      gitEnv,
    );
    if (push.code !== 0) {
      throw new PublishError(
        `git push to ${branch} was rejected: ${redact(push.stderr, token).trim()}; ` +
          'someone else pushed to it during this run: run the workflow again',
      );
    }
    const { client, owner, repo } = this.options.github();
    const target = { owner, repo };
    const open = await client.rest.pulls.list({ ...target, head: `${owner}:${branch}`, state: 'open' });
    const title = 'Update README translations';
    const existing = open.data[0];
    if (existing !== undefined) {
      const updated = await client.rest.pulls.update({
        ...target,
        pull_number: existing.number,
        title,
        body,
      });
      this.pullRequestUrl = updated.data.html_url;
      return;
    }
    try {
      const created = await client.rest.pulls.create({
        ...target,
        head: branch,
        base: this.base,
        title,
        body,
      });
      this.pullRequestUrl = created.data.html_url;
    } catch (error) {
      const message = (error as { message?: string }).message ?? '';
      if (/not permitted to create or approve pull requests/i.test(message)) {
        throw new PublishError(
          `the translations are on the branch ${branch}, but GitHub Actions may not open pull requests in this repository: ` +
            'allow it in Settings > Actions > General > Workflow permissions > "Allow GitHub Actions to create and approve pull requests", ' +
            `or open one from ${branch} by hand`,
          { cause: error },
        );
      }
      throw error;
    }
  }
}

function pushRejected(branch: string, output: string): PublishError {
  const reason = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('!') || /rejected|denied|protected|error|fatal|could not/i.test(line))
    .join('; ');
  const auth =
    /authentication|could not read username|403|permission to .* denied|terminal prompts disabled/i.test(
      reason,
    );
  return new PublishError(
    auth
      ? `git push to ${branch} was refused for lack of credentials (${reason}): give the job \`permissions: contents: write\` ` +
          "and leave the input 'github-token' at its default (or pass a token that may push)"
      : `git push to ${branch} was rejected (${reason || 'no reason given'}): the branch moved on while this job ran, ` +
          'or it is protected. Nothing was forced; run the workflow again, or use commit: pull-request for protected branches',
  );
}
