import { UsageError } from '../errors.js';
import { shown } from '../shown-value.js';

/** Where to publish and with which credentials, as GitHub Actions runners set them. */
export interface GitHubTarget {
  readonly owner: string;
  readonly repo: string;
  /** REST API root, e.g. `https://api.github.com` (default), or a GitHub Enterprise Server's. */
  readonly apiUrl: string;
  /** Web root for links, e.g. `https://github.com` (default), from `GITHUB_SERVER_URL`. */
  readonly serverUrl: string;
  readonly token: string;
}

const defaultApiUrl = 'https://api.github.com';
const repositoryPattern = /^([\w.-]+)\/([\w.-]+)$/;

/**
 * For a dry run without a token: the repository named by `GITHUB_REPOSITORY` when it is valid, and
 * what a real run would still need from the environment, each with what it must be.
 */
export function offlineTargetFromEnv(env: Readonly<Record<string, string | undefined>>): {
  repository: string | undefined;
  needs: string[];
} {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const valid = repositoryPattern.test(repository);
  return {
    repository: valid ? repository : undefined,
    needs: [
      ...((env.GITHUB_TOKEN ?? '') === '' ? ['GITHUB_TOKEN (a token that may write contents)'] : []),
      ...(valid ? [] : ["GITHUB_REPOSITORY ('owner/name')"]),
    ],
  };
}

/**
 * Reads `GITHUB_TOKEN`, `GITHUB_REPOSITORY` (`owner/name`), `GITHUB_API_URL` and `GITHUB_SERVER_URL`
 * from `env`.
 * The token's value is never put in a message.
 */
export function gitHubTargetFromEnv(env: Readonly<Record<string, string | undefined>>): GitHubTarget {
  const token = env.GITHUB_TOKEN ?? '';
  if (token === '') {
    throw new UsageError(
      'GITHUB_TOKEN is not set: publishing needs a token with `contents: write`, e.g. in a workflow\n' +
        '  env:\n    GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n' +
        '(--dry-run shows what would be published without one)',
    );
  }
  const repository = env.GITHUB_REPOSITORY ?? '';
  const match = repositoryPattern.exec(repository);
  if (match === null) {
    throw new UsageError(
      `GITHUB_REPOSITORY must be 'owner/name' (it is ${repository === '' ? 'not set' : `'${repository}'`}), ` +
        'e.g. GITHUB_REPOSITORY=octo-org/octo-repo',
    );
  }
  const apiUrl = (env.GITHUB_API_URL ?? '') === '' ? defaultApiUrl : (env.GITHUB_API_URL as string);
  if (!/^https?:\/\//.test(apiUrl)) {
    throw new UsageError(
      `GITHUB_API_URL must be an http(s) URL such as ${defaultApiUrl}, not '${shown(apiUrl)}'`,
    );
  }
  const serverUrl =
    (env.GITHUB_SERVER_URL ?? '') === '' ? 'https://github.com' : (env.GITHUB_SERVER_URL as string);
  return {
    owner: match[1] as string,
    repo: match[2] as string,
    apiUrl: apiUrl.replace(/\/+$/, ''),
    serverUrl: serverUrl.replace(/\/+$/, ''),
    token,
  };
}
