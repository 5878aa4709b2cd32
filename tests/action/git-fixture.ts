import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testToken } from '../publish/github-test-client.js';
import { startGitHubServer, type GitHubServer } from '../servers/github-server.js';
import { tempDir } from '../helpers/temp-dir.js';

export const readme = [
  '# Demo tool',
  '',
  'A small tool that greets people.',
  '',
  '## Install',
  '',
  'Run `npm install demo` and you are done.',
  '',
  '```sh',
  'demo --hello',
  '```',
  '',
].join('\n');

const identity = ['-c', 'user.name=Test', '-c', 'user.email=test@example.com'];

export function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync('git', [...identity, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A checkout of `main` whose `origin` is a bare repository on disk, so pushes really happen. */
export async function makeRepository(): Promise<{ root: string; work: string; remote: string }> {
  const root = tempDir('readme-i18n-action-');
  const remote = join(root, 'remote.git');
  const work = join(root, 'work');
  await mkdir(work);
  gitIn(root, 'init', '--quiet', '--bare', '-b', 'main', remote);
  gitIn(work, 'init', '--quiet', '-b', 'main');
  await writeFile(join(work, 'README.md'), readme);
  await writeFile(join(work, 'notes.txt'), 'not ours\n');
  gitIn(work, 'add', '.');
  gitIn(work, 'commit', '--quiet', '-m', 'initial');
  gitIn(work, 'remote', 'add', 'origin', remote);
  gitIn(work, 'push', '--quiet', 'origin', 'main');
  return { root, work, remote };
}

/** `subject` then the files of the commit at `ref` in the bare remote. */
export function remoteCommit(remote: string, ref: string): string[] {
  return gitIn(remote, 'show', '--name-only', '--format=%s', ref)
    .split('\n')
    .filter((line) => line !== '');
}

export async function readOutputs(file: string): Promise<Record<string, string>> {
  const text = await readFile(file, 'utf8');
  const outputs: Record<string, string> = {};
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n?\2\n/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] as string] = match[3] as string;
  return outputs;
}

/** The variables a runner gives the Action, for a repository folder and the GitHub test server, plus `INPUT_*` ones. */
export function actionEnv(
  root: string,
  server: { readonly owner: string; readonly repo: string; readonly url: string },
  inputs: Record<string, string>,
): Record<string, string> {
  const env: Record<string, string> = {
    GITHUB_OUTPUT: join(root, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(root, 'summary.md'),
    GITHUB_REPOSITORY: `${server.owner}/${server.repo}`,
    GITHUB_API_URL: server.url,
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_REF_NAME: 'main',
    'INPUT_GITHUB-TOKEN': testToken,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

/** A GitHub API test server that sees the branches of the fixture's bare remote. */
export function startRepositoryServer(remote: string, immutableReleases = false): Promise<GitHubServer> {
  return startGitHubServer({
    immutableReleases,
    branchExists: (branch) => gitIn(remote, 'branch', '--list', branch).trim() !== '',
  });
}
