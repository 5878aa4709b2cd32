import { cp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runActionMain } from '../../src/action/run-action.js';
import { runCliHere } from '../helpers/cli.js';
import { testClient } from '../publish/github-test-client.js';
import { startDeeplServer, type DeeplServer } from '../servers/deepl-server.js';
import type { GitHubServer } from '../servers/github-server.js';
import { actionEnv, gitIn, makeRepository, startRepositoryServer, readOutputs } from './git-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

const authKey = 'deepl-test-key-0000:fx';
let repo: { root: string; work: string; remote: string };
let server: GitHubServer;
let deepl: DeeplServer;
let written: string;

beforeEach(async () => {
  repo = await makeRepository();
  deepl = await startDeeplServer({ authKey });
  vi.stubEnv('DEEPL_SERVER_URL', deepl.url);
  vi.stubEnv('DEEPL_AUTH_KEY', '');
  written = '';
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  await deepl.close();
});

async function startServer(immutableReleases = false): Promise<GitHubServer> {
  server = await startRepositoryServer(repo.remote, immutableReleases);
  return server;
}

function envWith(inputs: Record<string, string>): Record<string, string> {
  return actionEnv(repo.root, server, { 'deepl-key': authKey, engine: 'deepl', ...inputs });
}

async function run(env: Record<string, string>, cwd = repo.work, client = testClient(server, 0)) {
  await writeFile(env.GITHUB_OUTPUT as string, '');
  const code = await runActionMain({ env, cwd, client, write: (text) => (written += text) });
  return { code, outputs: await readOutputs(env.GITHUB_OUTPUT as string) };
}

const translateRequests = () => deepl.requests.filter((request) => request.path === '/v2/translate').length;
const annotations = () => written.split('\n').filter((line) => /^::(warning|error|notice)[ :]/.test(line));

describe('the Action never throws paid work away', () => {
  it('has the translations and memory on the remote branch when the release fails, and a rerun sends 0 units', async () => {
    await startServer();
    server.failNext({
      method: 'POST',
      path: /\/releases$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const env = envWith({ languages: 'fr', render: 'pdf', commit: 'push', 'release-tag': 'v1.0.0' });
    const first = await run(env);
    expect(first.code).toBe(1);
    expect(annotations()).toEqual([
      expect.stringMatching(
        /^::error title=readme-i18n::could not create the release v1\.0\.0 in octo-org\/octo-repo \(GitHub answered 403: Resource not accessible by integration\): check that the token may write contents/,
      ),
    ]);
    expect(first.outputs['units-sent']).toBe('4');
    const sent = translateRequests();
    expect(sent).toBeGreaterThan(0);
    // Paid for, and on the remote branch: the translation and its memory, then the site.
    expect(gitIn(repo.remote, 'show', 'main:locales/README.fr.md')).toContain(
      'A SMALL TOOL THAT GREETS PEOPLE.',
    );
    expect(gitIn(repo.remote, 'show', 'main:locales/fr.po')).toContain(
      'msgstr "A SMALL TOOL THAT GREETS PEOPLE."',
    );
    expect(gitIn(repo.remote, 'ls-tree', '--name-only', 'main', 'docs/pdf/')).toBe(
      'docs/pdf/README.en.pdf\ndocs/pdf/README.fr.pdf\n',
    );
    // The job summary is written on failure too.
    const summary = await readFile(env.GITHUB_STEP_SUMMARY as string, 'utf8');
    expect(summary).toContain('> [!CAUTION]\n> The run failed: could not create the release v1.0.0');
    expect(summary).toMatch(
      /\| fr \| \[locales\/README\.fr\.md\]\([^)]*\) \| 4 \| 4 \| 0 \| 0 \| \d+ \| README\.fr\.pdf \|/,
    );

    // The next run, in a fresh checkout of the branch, as on a new runner.
    const again = join(repo.root, 'again');
    gitIn(repo.root, 'clone', '--quiet', repo.remote, again);
    written = '';
    const second = await run(env, again);
    expect(annotations()).toEqual([]);
    expect(second.code).toBe(0);
    expect(second.outputs['units-sent']).toBe('0');
    expect(translateRequests()).toBe(sent);
    expect(
      server.releases.map((release) => [release.tag_name, release.draft, release.assets.map((a) => a.name)]),
    ).toEqual([['v1.0.0', false, ['README.en.pdf', 'README.fr.pdf']]]);
  });

  it('commits what was paid for before DeepL ran out of quota half-way', async () => {
    await startServer();
    // Enough for one language, not for both. The languages are translated side by side, so
    // either may be the one DeepL refuses; the other is paid for and must reach the remote.
    deepl.setFaults({ quotaCharacters: 100 });
    const env = envWith({ languages: 'fr,de', render: 'none', commit: 'push' });
    const first = await run(env);
    expect(first.code).toBe(1);
    const refused = annotations();
    expect(refused).toEqual([
      expect.stringMatching(/^::error title=readme-i18n::(fr|de): quota exhausted after 0 of 4 units/),
    ]);
    const paid = refused[0]?.includes('::fr: ') ? 'de' : 'fr';
    expect(gitIn(repo.remote, 'show', `main:locales/${paid}.po`)).toContain('msgstr "DEMO TOOL"');
    expect(gitIn(repo.remote, 'show', `main:locales/README.${paid}.md`)).toContain(
      'A SMALL TOOL THAT GREETS PEOPLE.',
    );
    const sent = translateRequests();
    deepl.setFaults({});
    written = '';
    const again = join(repo.root, 'again');
    gitIn(repo.root, 'clone', '--quiet', repo.remote, again);
    const second = await run(env, again);
    expect(second.code).toBe(0);
    // Only the refused language is sent: the other comes from the memory committed by the failed run.
    expect(translateRequests()).toBe(sent + 1);
    expect(second.outputs['units-sent']).toBe('4');
  });
});

describe('immutable releases', () => {
  it('are drafted, filled and published; a rerun with the same PDFs uploads nothing; a changed PDF is a clear error', async () => {
    await startServer(true);
    const env = envWith({
      languages: 'fr',
      engine: 'pseudo',
      render: 'pdf',
      'release-tag': 'v2.0.0',
      'make-latest': 'true',
    });
    expect((await run(env)).code).toBe(0);
    expect(annotations()).toEqual([]);
    expect(server.calls()).toEqual([
      'GET /repos/octo-org/octo-repo/releases',
      'POST /repos/octo-org/octo-repo/releases',
      'GET /repos/octo-org/octo-repo/releases/1/assets',
      'POST /uploads/repos/octo-org/octo-repo/releases/1/assets',
      'POST /uploads/repos/octo-org/octo-repo/releases/1/assets',
      'PATCH /repos/octo-org/octo-repo/releases/1',
    ]);
    const [release] = server.releases;
    expect([release?.draft, release?.immutable, release?.make_latest]).toEqual([false, true, 'true']);
    expect(release?.assets.map((asset) => asset.name)).toEqual(['README.en.pdf', 'README.fr.pdf']);

    const from = server.requests.length;
    expect((await run(env)).code).toBe(0);
    expect(server.calls(from)).toEqual([
      'GET /repos/octo-org/octo-repo/releases',
      'GET /repos/octo-org/octo-repo/releases/1/assets',
    ]);

    await writeFile(
      join(repo.work, 'README.md'),
      `${await readFile(join(repo.work, 'README.md'), 'utf8')}\nOne more line.\n`,
    );
    written = '';
    expect((await run(env)).code).toBe(1);
    expect(annotations().filter((line) => line.startsWith('::error'))).toEqual([
      "::error title=readme-i18n::the release v2.0.0 is immutable (published in a repository with immutable releases on), so its assets cannot change: README.en.pdf (changed), README.fr.pdf (changed). Attach the new PDFs to a new release: set 'release-tag' (or --tag) to a tag not used yet, e.g. one per version or `docs-<date>`; the release of a tag stays as it was published",
    ]);
    expect(
      server.releases[0]?.assets.map((asset) =>
        asset.content.equals(release?.assets[0]?.content ?? Buffer.alloc(0)),
      ),
    ).toEqual([true, false]);
  });
});

describe('annotations', () => {
  it('shows a unit kept in the source language as a warning on its file and line', async () => {
    await startServer();
    deepl.setFaults({ dropTag: true });
    const env = envWith({ languages: 'fr', render: 'none' });
    const { code } = await run(env);
    expect(code).toBe(0);
    expect(annotations()).toEqual([
      expect.stringMatching(
        /^::warning file=README\.md,line=7,title=readme-i18n::fr: kept its source text: .+$/,
      ),
    ]);
    expect(written).toMatch(/^::group::Translate\n(?:.*\n)*?::endgroup::\n/m);
  });
});

describe('requests that get no answer', () => {
  it('an upload never answered fails in bounded time with a clear message', async () => {
    await startServer();
    server.failNext({ method: 'POST', path: /^\/uploads\//, status: 0, hang: true, times: 10 });
    const env = envWith({ languages: 'fr', engine: 'pseudo', render: 'pdf', 'release-tag': 'v1.0.0' });
    const { code } = await run(env, repo.work, testClient(server, 1, 300));
    expect(code).toBe(1);
    expect(annotations()).toEqual([
      expect.stringMatching(
        /^::error title=readme-i18n::could not upload README\.en\.pdf to the release v1\.0\.0: GitHub did not answer POST \/uploads\/repos\/octo-org\/octo-repo\/releases\/1\/assets within 300 ms, after retries\. Check the runner's network/,
      ),
    ]);
  });

  it('a connection refused is said to be one, not "GitHub answered 500"', async () => {
    await startServer();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const env = envWith({ languages: 'fr', engine: 'pseudo', render: 'none', commit: 'pull-request' });
    env.GITHUB_API_URL = `http://127.0.0.1:${port}`;
    const { code } = await run(env, repo.work, testClient({ url: env.GITHUB_API_URL }, 0));
    expect(code).toBe(1);
    expect(annotations()).toEqual([
      expect.stringMatching(
        /^::error title=readme-i18n::the connection to GitHub failed \(ECONNREFUSED\) at 127\.0\.0\.1:\d+ \(GET \/repos\/octo-org\/octo-repo\/pulls for octo-org\/octo-repo\), after retries/,
      ),
    ]);
  });
});

describe('a matrix of one job per language', () => {
  it('translates in two jobs, then publishes once: 0 units sent, both languages in every switcher, every PDF released, check passes', async () => {
    await startServer();
    const jobs: Array<{ lang: string; work: string; handover: string }> = [];
    for (const lang of ['fr', 'de']) {
      const work = join(repo.root, `job-${lang}`);
      gitIn(repo.root, 'clone', '--quiet', repo.remote, work);
      const handover = join(repo.root, `handover-${lang}`);
      const env = envWith({ languages: lang, steps: 'translate', 'handover-dir': handover });
      const { code, outputs } = await run(env, work);
      expect(annotations()).toEqual([]);
      expect(code).toBe(0);
      expect(outputs['handover-dir']).toBe(handover);
      expect(outputs['changed-files']?.split('\n')).toEqual([
        `locales/README.${lang}.md`,
        `locales/${lang}.po`,
      ]);
      jobs.push({ lang, work, handover });
    }
    // Nothing pushed, nothing released by the translate jobs.
    expect(gitIn(repo.remote, 'ls-tree', '--name-only', 'main')).toBe('README.md\nnotes.txt\n');
    expect(server.requests).toEqual([]);
    const sent = translateRequests();
    expect(sent).toBeGreaterThan(0);

    // actions/download-artifact with merge-multiple: true puts every job's files in one folder.
    const merged = tempDir('readme-i18n-merged-');
    for (const job of jobs) await cp(job.handover, merged, { recursive: true });
    const publish = join(repo.root, 'publish');
    gitIn(repo.root, 'clone', '--quiet', repo.remote, publish);
    const env = envWith({
      languages: 'fr,de',
      steps: 'publish',
      'handover-dir': merged,
      render: 'html,pdf',
      commit: 'push',
      'release-tag': 'v1.0.0',
    });
    const { code, outputs } = await run(env, publish);
    expect(annotations()).toEqual([]);
    expect(code).toBe(0);
    expect(outputs['units-sent']).toBe('0');
    expect(translateRequests()).toBe(sent);
    for (const lang of ['fr', 'de']) {
      const translation = gitIn(repo.remote, 'show', `main:locales/README.${lang}.md`);
      const other = lang === 'fr' ? 'de' : 'fr';
      expect(translation).toContain(`README.${other}.md`);
      expect(translation).toContain('../README.md');
    }
    expect(server.releases[0]?.assets.map((asset) => asset.name)).toEqual([
      'README.de.pdf',
      'README.en.pdf',
      'README.fr.pdf',
    ]);
    expect(server.releases[0]?.body).toMatch(
      /\| de \| 100 % \(4\/4 units\) \|[^\n]*\n\| en \|[^\n]*\n\| fr \| 100 % \(4\/4 units\) \|/,
    );
    const check = await runCliHere('readme-i18n', ['check', '--lang', 'fr,de'], publish);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
