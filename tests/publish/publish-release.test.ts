import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { PublishError } from '../../src/publish/publish-error.js';
import { publishRelease, type PublishReleaseOptions } from '../../src/publish/publish-release.js';
import { startGitHubServer, type GitHubServer } from '../servers/github-server.js';
import { targetOf, testClient, testToken } from './github-test-client.js';
import { tempDir } from '../helpers/temp-dir.js';

const repo = '/repos/octo-org/octo-repo';
const fr = Buffer.from('%PDF-1.7\nfr: Bonjour\n');
const de = Buffer.from('%PDF-1.7\nde: Hallo\n');

let server: GitHubServer;
let cwd: string;

beforeEach(async () => {
  server = await startGitHubServer();
  cwd = tempDir('readme-i18n-release-');
  await mkdir(join(cwd, 'docs/pdf'), { recursive: true });
  await writeFile(join(cwd, 'docs/pdf/README.fr.pdf'), fr);
  await writeFile(join(cwd, 'docs/pdf/README.de.pdf'), de);
});

afterEach(async () => {
  await server.close();
});

function publish(overrides: Partial<PublishReleaseOptions> = {}, retries = 3) {
  return publishRelease({
    target: targetOf(server),
    tag: 'v1.0.0',
    cwd,
    client: testClient(server, retries),
    ...overrides,
  });
}

function assetsOf(tag: string): Record<string, string> {
  const release = server.releases.find((candidate) => candidate.tag_name === tag);
  return Object.fromEntries(
    (release?.assets ?? []).map((asset) => [asset.name, `${asset.state}:${asset.content.toString()}`]),
  );
}

const notes = [
  '<!-- readme-i18n:languages -->',
  '| Language | Translated | PDF |',
  '| --- | --- | --- |',
  '| de | — | [README.de.pdf](https://github.test/octo-org/octo-repo/releases/download/v1.0.0/README.de.pdf) |',
  '| fr | — | [README.fr.pdf](https://github.test/octo-org/octo-repo/releases/download/v1.0.0/README.fr.pdf) |',
  '<!-- /readme-i18n:languages -->',
  '',
].join('\n');

describe('publishRelease', () => {
  it('creates the release and uploads every PDF on the first run', async () => {
    const report = await publish();
    expect(server.calls()).toEqual([
      `GET ${repo}/releases`,
      `POST ${repo}/releases`,
      `GET ${repo}/releases/1/assets`,
      `POST /uploads${repo}/releases/1/assets`,
      `POST /uploads${repo}/releases/1/assets`,
      // Created as a draft, filled, then published: immutable releases take no asset once published.
      `PATCH ${repo}/releases/1`,
    ]);
    expect(server.requests.map((request) => request.query.name ?? '')).toEqual([
      '',
      '',
      '',
      'README.de.pdf',
      'README.fr.pdf',
      '',
    ]);
    expect(server.requests.every((request) => request.hasAuth)).toBe(true);
    expect(report).toEqual({
      tag: 'v1.0.0',
      url: 'https://github.test/octo-org/octo-repo/releases/tag/v1.0.0',
      release: 'created',
      dryRun: false,
      uploaded: ['README.de.pdf', 'README.fr.pdf'],
      replaced: [],
      unchanged: [],
      removedIncomplete: [],
    });
    expect(server.releases[0]?.body).toBe(notes);
    expect(server.releases[0]?.draft).toBe(false);
    expect(assetsOf('v1.0.0')).toEqual({
      'README.de.pdf': `uploaded:${de.toString()}`,
      'README.fr.pdf': `uploaded:${fr.toString()}`,
    });
  });

  it('uploads nothing on a second identical run', async () => {
    await publish();
    const from = server.requests.length;
    const report = await publish();
    expect(server.calls(from)).toEqual([`GET ${repo}/releases`, `GET ${repo}/releases/1/assets`]);
    expect(report.release).toBe('unchanged');
    expect(report.unchanged).toEqual(['README.de.pdf', 'README.fr.pdf']);
    expect(report.uploaded).toEqual([]);
  });

  it('replaces only the asset whose PDF changed', async () => {
    await publish();
    const frId = server.releases[0]?.assets.find((asset) => asset.name === 'README.fr.pdf')?.id;
    const changed = Buffer.from('%PDF-1.7\nfr: Salut\n');
    await writeFile(join(cwd, 'docs/pdf/README.fr.pdf'), changed);
    const from = server.requests.length;
    const report = await publish();
    expect(server.calls(from)).toEqual([
      `GET ${repo}/releases`,
      `GET ${repo}/releases/1/assets`,
      `DELETE ${repo}/releases/assets/${frId}`,
      `POST /uploads${repo}/releases/1/assets`,
    ]);
    expect(report.replaced).toEqual(['README.fr.pdf']);
    expect(report.unchanged).toEqual(['README.de.pdf']);
    expect(assetsOf('v1.0.0')).toEqual({
      'README.de.pdf': `uploaded:${de.toString()}`,
      'README.fr.pdf': `uploaded:${changed.toString()}`,
    });
  });

  it('compares by downloading when the API gives no digest, and only when sizes match', async () => {
    await server.close();
    server = await startGitHubServer({ digests: false });
    await publish();
    const [deId, frId] = ['README.de.pdf', 'README.fr.pdf'].map(
      (name) => server.releases[0]?.assets.find((asset) => asset.name === name)?.id,
    );
    // Same size, other bytes: only a download can tell.
    await writeFile(join(cwd, 'docs/pdf/README.fr.pdf'), Buffer.from('%PDF-1.7\nfr: Salut!!\n'));
    const from = server.requests.length;
    const report = await publish();
    expect(server.calls(from)).toEqual([
      `GET ${repo}/releases`,
      `GET ${repo}/releases/1/assets`,
      `GET ${repo}/releases/assets/${deId}`,
      `GET ${repo}/releases/assets/${frId}`,
      `DELETE ${repo}/releases/assets/${frId}`,
      `POST /uploads${repo}/releases/1/assets`,
    ]);
    expect(report.unchanged).toEqual(['README.de.pdf']);
    expect(report.replaced).toEqual(['README.fr.pdf']);
    // A different size needs no download.
    await writeFile(join(cwd, 'docs/pdf/README.de.pdf'), Buffer.from('%PDF-1.7\nde: Guten Tag\n'));
    const again = server.requests.length;
    await publish();
    expect(
      server.calls(again).filter((call) => call.startsWith('GET') && call.includes('/releases/assets/')),
    ).toEqual([
      `GET ${repo}/releases/assets/${server.releases[0]?.assets.find((asset) => asset.name === 'README.fr.pdf')?.id}`,
    ]);
  });

  it('attaches the PDF of every source and links each from its language row, the named one first', async () => {
    await writeFile(join(cwd, 'docs/pdf/usage.fr.pdf'), 'usage-fr');
    await publish({ languages: [{ lang: 'fr', units: 10, pdf: 'README.fr.pdf' }] });
    expect(Object.keys(assetsOf('v1.0.0')).sort()).toEqual([
      'README.de.pdf',
      'README.fr.pdf',
      'usage.fr.pdf',
    ]);
    const base = 'https://github.test/octo-org/octo-repo/releases/download/v1.0.0';
    expect(server.releases[0]?.body).toBe(
      [
        '<!-- readme-i18n:languages -->',
        '| Language | Translated | PDF |',
        '| --- | --- | --- |',
        `| de | — | [README.de.pdf](${base}/README.de.pdf) |`,
        `| fr | 100 % (10/10 units) | [README.fr.pdf](${base}/README.fr.pdf) · [usage.fr.pdf](${base}/usage.fr.pdf) |`,
        '<!-- /readme-i18n:languages -->',
        '',
      ].join('\n'),
    );
  });

  it('finds a draft release for the tag instead of creating a second one', async () => {
    await publish({ draft: true });
    expect(server.releases.map((release) => [release.tag_name, release.draft])).toEqual([['v1.0.0', true]]);
    const from = server.requests.length;
    const report = await publish();
    expect(server.calls(from)).toEqual([`GET ${repo}/releases`, `GET ${repo}/releases/1/assets`]);
    expect(report.release).toBe('unchanged');
    expect(server.releases).toHaveLength(1);
  });

  it('rewrites only its own table in notes a person wrote, with how complete each language is', async () => {
    await publish();
    server.releases[0]!.body = `Hand-written intro.\n\n${notes}\nHand-written outro.\n`;
    const from = server.requests.length;
    const report = await publish({
      languages: [
        { lang: 'fr', units: 40, keptSource: 2 },
        { lang: 'de', units: 40, keptSource: 0 },
      ],
    });
    expect(server.calls(from)).toEqual([
      `GET ${repo}/releases`,
      `PATCH ${repo}/releases/1`,
      `GET ${repo}/releases/1/assets`,
    ]);
    expect(report.release).toBe('updated');
    expect(server.releases[0]?.body).toBe(
      [
        'Hand-written intro.',
        '',
        '<!-- readme-i18n:languages -->',
        '| Language | Translated | PDF |',
        '| --- | --- | --- |',
        '| de | 100 % (40/40 units) | [README.de.pdf](https://github.test/octo-org/octo-repo/releases/download/v1.0.0/README.de.pdf) |',
        '| fr | 95 % (38/40 units) | [README.fr.pdf](https://github.test/octo-org/octo-repo/releases/download/v1.0.0/README.fr.pdf) |',
        '<!-- /readme-i18n:languages -->',
        '',
        'Hand-written outro.',
        '',
      ].join('\n'),
    );
  });

  it('merges its table with an earlier one: the languages of another run keep their rows', async () => {
    await publish({ languages: [{ lang: 'de', units: 40, keptSource: 0 }] });
    await publish({
      assets: ['docs/pdf/README.fr.pdf'],
      languages: [{ lang: 'fr', units: 40, keptSource: 4 }],
    });
    expect(server.releases[0]?.body).toBe(
      [
        '<!-- readme-i18n:languages -->',
        '| Language | Translated | PDF |',
        '| --- | --- | --- |',
        '| de | 100 % (40/40 units) | [README.de.pdf](https://github.test/octo-org/octo-repo/releases/download/v1.0.0/README.de.pdf) |',
        '| fr | 90 % (36/40 units) | [README.fr.pdf](https://github.test/octo-org/octo-repo/releases/download/v1.0.0/README.fr.pdf) |',
        '<!-- /readme-i18n:languages -->',
        '',
      ].join('\n'),
    );
    expect(server.releases[0]?.assets.map((asset) => asset.name)).toEqual(['README.de.pdf', 'README.fr.pdf']);
  });

  it('deletes an upload interrupted by an earlier run before uploading again', async () => {
    server.interruptUploads(1);
    const failed = await publish({}, 0).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(PublishError);
    expect((failed as PublishError).message).toMatch(
      /^could not upload README\.de\.pdf to the release v1\.0\.0/,
    );
    expect(assetsOf('v1.0.0')).toEqual({ 'README.de.pdf': `starter:${de.toString()}` });
    const starterId = server.releases[0]?.assets[0]?.id;
    const from = server.requests.length;
    const report = await publish();
    expect(server.calls(from)).toEqual([
      `GET ${repo}/releases`,
      `GET ${repo}/releases/1/assets`,
      `DELETE ${repo}/releases/assets/${starterId}`,
      `POST /uploads${repo}/releases/1/assets`,
      `POST /uploads${repo}/releases/1/assets`,
    ]);
    expect(report.removedIncomplete).toEqual(['README.de.pdf']);
    expect(report.uploaded).toEqual(['README.de.pdf', 'README.fr.pdf']);
    expect(assetsOf('v1.0.0')).toEqual({
      'README.de.pdf': `uploaded:${de.toString()}`,
      'README.fr.pdf': `uploaded:${fr.toString()}`,
    });
  });

  it('recovers when an upload cut short is retried into 422 already_exists', async () => {
    server.interruptUploads(1);
    const report = await publish();
    const starterId = 2; // release 1, then the interrupted asset
    expect(server.calls()).toEqual([
      `GET ${repo}/releases`,
      `POST ${repo}/releases`,
      `GET ${repo}/releases/1/assets`,
      `POST /uploads${repo}/releases/1/assets`, // dropped
      `POST /uploads${repo}/releases/1/assets`, // retried: 422 already_exists
      `GET ${repo}/releases/1/assets`,
      `DELETE ${repo}/releases/assets/${starterId}`,
      `POST /uploads${repo}/releases/1/assets`,
      `POST /uploads${repo}/releases/1/assets`,
      `PATCH ${repo}/releases/1`,
    ]);
    expect(server.requests.map((request) => request.status)).toEqual([
      200, 201, 200, 0, 422, 200, 204, 201, 201, 200,
    ]);
    expect(report.uploaded).toEqual(['README.de.pdf', 'README.fr.pdf']);
    expect(assetsOf('v1.0.0')).toEqual({
      'README.de.pdf': `uploaded:${de.toString()}`,
      'README.fr.pdf': `uploaded:${fr.toString()}`,
    });
  });

  it('uses the release another run created between its look and its create (422 already_exists)', async () => {
    server.releases.push({
      id: 7,
      tag_name: 'v1.0.0',
      name: 'v1.0.0',
      body: notes,
      draft: false,
      prerelease: false,
      target_commitish: 'main',
      assets: [],
    });
    // Our first look happens before the other run's create: it sees no release.
    server.failNext({ method: 'GET', path: /\/releases$/, status: 200, body: [] });
    const report = await publish();
    expect(server.calls()).toEqual([
      `GET ${repo}/releases`,
      `POST ${repo}/releases`,
      `GET ${repo}/releases`,
      `GET ${repo}/releases/7/assets`,
      `POST /uploads${repo}/releases/7/assets`,
      `POST /uploads${repo}/releases/7/assets`,
    ]);
    expect(server.requests.map((request) => request.status)).toEqual([200, 422, 200, 200, 201, 201]);
    expect(report.uploaded).toEqual(['README.de.pdf', 'README.fr.pdf']);
    expect(server.releases).toHaveLength(1);
  });

  it('reports a 422 on create that no existing release explains', async () => {
    server.failNext({
      method: 'POST',
      path: /\/releases$/,
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
      },
    });
    const error = await publish().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).message).toBe(
      'could not create the release v1.0.0 in octo-org/octo-repo (GitHub answered 422: Validation Failed): check that the token may write contents (`permissions: contents: write`) and that the tag name is free (an immutable release burns its tag even once deleted)',
    );
  });

  describe.each([500, 502, 503])('a %i answer', (status) => {
    it('is retried, and the run completes', async () => {
      server.failNext({ method: 'GET', path: /\/releases$/, status });
      server.failNext({ method: 'POST', path: /^\/uploads\//, status });
      const report = await publish();
      expect(server.calls()).toEqual([
        `GET ${repo}/releases`,
        `GET ${repo}/releases`,
        `POST ${repo}/releases`,
        `GET ${repo}/releases/1/assets`,
        `POST /uploads${repo}/releases/1/assets`,
        `POST /uploads${repo}/releases/1/assets`,
        `POST /uploads${repo}/releases/1/assets`,
        `PATCH ${repo}/releases/1`,
      ]);
      expect(server.requests.map((request) => request.status)).toEqual([
        status,
        200,
        201,
        200,
        status,
        201,
        201,
        200,
      ]);
      expect(report.uploaded).toEqual(['README.de.pdf', 'README.fr.pdf']);
    });

    it('fails with the step and the fix once retries are spent, never showing the token', async () => {
      await publish();
      await writeFile(join(cwd, 'docs/pdf/README.fr.pdf'), Buffer.from('changed'));
      server.failNext({ method: 'POST', path: /^\/uploads\//, status, times: 4 });
      const error = await publish().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PublishError);
      expect((error as PublishError).message).toBe(
        `could not upload README.fr.pdf to the release v1.0.0 (GitHub answered ${status}): check that the token may write contents (\`permissions: contents: write\`) and run again; a half-uploaded asset is cleaned up by the next run`,
      );
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(testToken);
      expect(server.calls().filter((call) => call.startsWith('POST /uploads'))).toHaveLength(2 + 4);
    });
  });

  it('changes nothing in a dry run and says what it would do', async () => {
    const created = await publish({ dryRun: true });
    expect(server.calls()).toEqual([`GET ${repo}/releases`]);
    expect(created).toEqual({
      tag: 'v1.0.0',
      url: undefined,
      release: 'created',
      dryRun: true,
      uploaded: ['README.de.pdf', 'README.fr.pdf'],
      replaced: [],
      unchanged: [],
      removedIncomplete: [],
    });
    await publish();
    await writeFile(join(cwd, 'docs/pdf/README.fr.pdf'), Buffer.from('changed'));
    const from = server.requests.length;
    const planned = await publish({ dryRun: true });
    expect(server.calls(from)).toEqual([`GET ${repo}/releases`, `GET ${repo}/releases/1/assets`]);
    expect(planned.replaced).toEqual(['README.fr.pdf']);
    expect(assetsOf('v1.0.0')['README.fr.pdf']).toBe(`uploaded:${fr.toString()}`);
  });

  it('refuses a pattern that matches nothing, and two files that would share an asset name', async () => {
    await expect(publish({ assets: ['out/*.pdf'] })).rejects.toThrow(
      new UsageError(
        `no file in ${cwd} matches --assets 'out/*.pdf'; make the PDFs first (readme-i18n render --pdf) or point --assets at them`,
      ),
    );
    await mkdir(join(cwd, 'other'));
    await writeFile(join(cwd, 'other/README.fr.pdf'), fr);
    await expect(publish({ assets: ['docs/pdf/*.pdf', 'other/*.pdf'] })).rejects.toThrow(
      'docs/pdf/README.fr.pdf and other/README.fr.pdf would both be the asset README.fr.pdf; narrow --assets to one of them',
    );
    expect(server.requests).toEqual([]);
  });
});
