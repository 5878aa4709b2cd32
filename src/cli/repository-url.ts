import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UsageError } from '../errors.js';
import { repositoryBlobUrl } from '../render/repository-links.js';
import { shown } from '../shown-value.js';

const run = promisify(execFile);

/**
 * The web address of a repository on github.com from the URL of a git remote, in any form git
 * takes (`https://github.com/o/r.git`, `git@github.com:o/r.git`, `ssh://git@github.com/o/r`), without
 * credentials; undefined for another host.
 */
export function gitHubWebAddress(remote: string): string | undefined {
  const text = remote.trim();
  const scp = /^(?:[^@/:]+@)?github\.com:([^/]+)\/([^/]+?)(?:\.git)?\/?$/i.exec(text);
  if (scp) return `https://github.com/${scp[1]}/${scp[2]}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return undefined;
  if (url.hostname.toLowerCase() !== 'github.com') return undefined;
  const match = /^\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.pathname);
  return match ? `https://github.com/${match[1]}/${match[2]}` : undefined;
}

async function git(cwd: string, args: readonly string[]): Promise<string | undefined> {
  try {
    return (await run('git', [...args], { cwd, timeout: 10_000 })).stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where `render` points links to repository files outside the site, as `<repository>/blob/<ref>`:
 * `--repo-url` (any web address laid out as GitHub's), else the `origin` remote when it is on
 * github.com; the ref is `--ref`, else the checked-out branch, else the commit. Undefined with
 * `--no-repo-url`, or when nothing says where the repository is (links stay relative).
 */
export async function renderRepositoryUrl(
  cwd: string,
  flags: { readonly repoUrl?: string | false | undefined; readonly ref?: string | undefined },
): Promise<string | undefined> {
  if (flags.repoUrl === false) return undefined;
  let web: string | undefined;
  if (flags.repoUrl !== undefined) {
    web = parseWebAddress(flags.repoUrl);
  } else {
    const remote = await git(cwd, ['remote', 'get-url', 'origin']);
    web = remote === undefined ? undefined : gitHubWebAddress(remote);
    if (web === undefined) return undefined;
  }
  let ref = flags.ref;
  if (ref === undefined) {
    ref =
      (await git(cwd, ['symbolic-ref', '--short', '-q', 'HEAD'])) ?? (await git(cwd, ['rev-parse', 'HEAD']));
  }
  if (ref === undefined || ref === '') {
    throw new UsageError(
      `--repo-url ${shown(web)} needs a branch, tag or commit for its links: pass --ref <ref> (for example --ref main)`,
    );
  }
  return repositoryBlobUrl(web, ref);
}

function parseWebAddress(value: string): string {
  try {
    const url = new URL(value);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '')
      return url.href.replace(/\/+$/, '');
  } catch {
    // Reported below with an example.
  }
  throw new UsageError(
    `--repo-url must be the repository's web address, such as https://github.com/owner/repo, not '${shown(value)}'`,
  );
}
