import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { gitHubTargetFromEnv } from '../../src/publish/github-env.js';

const token = 'ghs_secretValue123';

describe('gitHubTargetFromEnv', () => {
  it('reads the variables of an Actions runner, with github.com defaults', () => {
    expect(gitHubTargetFromEnv({ GITHUB_TOKEN: token, GITHUB_REPOSITORY: 'octo-org/octo.repo' })).toEqual({
      owner: 'octo-org',
      repo: 'octo.repo',
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com',
      token,
    });
    expect(
      gitHubTargetFromEnv({
        GITHUB_TOKEN: token,
        GITHUB_REPOSITORY: 'a/b',
        GITHUB_API_URL: 'https://ghe.example/api/v3/',
        GITHUB_SERVER_URL: 'https://ghe.example',
      }),
    ).toMatchObject({ apiUrl: 'https://ghe.example/api/v3', serverUrl: 'https://ghe.example' });
  });

  it.each([
    [
      { GITHUB_REPOSITORY: 'a/b' },
      /^GITHUB_TOKEN is not set: publishing needs a token with `contents: write`/,
    ],
    [{ GITHUB_TOKEN: token }, /^GITHUB_REPOSITORY must be 'owner\/name' \(it is not set\)/],
    [{ GITHUB_TOKEN: token, GITHUB_REPOSITORY: 'just-a-name' }, /it is 'just-a-name'/],
    [
      { GITHUB_TOKEN: token, GITHUB_REPOSITORY: 'a/b', GITHUB_API_URL: 'api.github.com' },
      /^GITHUB_API_URL must be/,
    ],
  ])('refuses %o with a usage error that never shows the token', (env, message) => {
    let caught: unknown;
    try {
      gitHubTargetFromEnv(env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).message).toMatch(message);
    expect((caught as UsageError).message).not.toContain(token);
  });
});
