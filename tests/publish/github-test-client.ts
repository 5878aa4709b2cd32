import Bottleneck from 'bottleneck';
import { createGitHubClient, type GitHubClient } from '../../src/publish/github-client.js';
import type { GitHubTarget } from '../../src/publish/github-env.js';
import type { GitHubServer } from '../servers/github-server.js';

export const testToken = 'ghs_testTokenThatMustNeverBePrinted000';

/** The target of a fake server, as `gitHubTargetFromEnv` would make it. */
export function targetOf(server: GitHubServer): GitHubTarget {
  return {
    owner: server.owner,
    repo: server.repo,
    apiUrl: server.url,
    serverUrl: 'https://github.test',
    token: testToken,
  };
}

/**
 * The real client with the real plugins, but retry delays of milliseconds and no gaps between
 * writes (GitHub asks for 1 s, 3 s for those that notify; pointless against a local server).
 */
export function testClient(
  server: GitHubServer | { url: string },
  retries = 3,
  timeoutMs?: number,
): GitHubClient {
  return createGitHubClient({
    token: testToken,
    apiUrl: server.url,
    retries,
    timeoutMs,
    retryAfterBaseMs: 1,
    throttle: {
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    },
    warn: () => undefined,
  });
}
