import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findRelease } from '../../src/publish/find-release.js';
import { startGitHubServer, type GitHubServer } from '../servers/github-server.js';
import { testClient, testToken } from './github-test-client.js';

let server: GitHubServer;
const target = { owner: 'octo-org', repo: 'octo-repo' };

beforeEach(async () => {
  server = await startGitHubServer({ token: testToken });
});

afterEach(async () => {
  await server.close();
});

describe('the fake GitHub server, through the real client', () => {
  it('pages releases with Link headers, so a draft on the last page is still found', async () => {
    for (let index = 0; index < 150; index += 1) {
      server.releases.push({
        id: 1000 + index,
        tag_name: `v0.${index}`,
        name: `v0.${index}`,
        body: '',
        draft: index === 0,
        prerelease: false,
        target_commitish: 'main',
        assets: [],
      });
    }
    const client = testClient(server);
    // Newest first, as on GitHub: the oldest, a draft, is on the second page of 100.
    const found = await findRelease(client, target, 'v0.0');
    expect(found?.id).toBe(1000);
    expect(found?.draft).toBe(true);
    expect(server.requests.map((request) => [request.path, request.query.page ?? '1'])).toEqual([
      ['/repos/octo-org/octo-repo/releases', '1'],
      ['/repos/octo-org/octo-repo/releases', '2'],
    ]);
    // The by-tag route hides drafts, as GitHub's does.
    await expect(client.rest.repos.getReleaseByTag({ ...target, tag: 'v0.0' })).rejects.toMatchObject({
      status: 404,
    });
    expect((await client.rest.repos.getReleaseByTag({ ...target, tag: 'v0.1' })).data.id).toBe(1001);
  });

  it('serves refs and contents, and refuses a wrong token', async () => {
    const client = testClient(server);
    server.contents.set('README.md', '# Hi\n');
    const ref = await client.rest.git.getRef({ ...target, ref: 'heads/main' });
    expect(ref.data.object.sha).toBe('a'.repeat(40));
    await client.rest.git.createRef({ ...target, ref: 'refs/heads/topic', sha: 'b'.repeat(40) });
    await client.rest.git.updateRef({ ...target, ref: 'heads/topic', sha: 'c'.repeat(40) });
    expect(server.refs.get('heads/topic')).toBe('c'.repeat(40));
    const content = await client.rest.repos.getContent({ ...target, path: 'README.md' });
    expect(Buffer.from((content.data as { content: string }).content, 'base64').toString()).toBe('# Hi\n');
    const other = await startGitHubServer({ token: 'other' });
    try {
      await expect(testClient(other).rest.repos.listReleases(target)).rejects.toMatchObject({ status: 401 });
    } finally {
      await other.close();
    }
  });
});
