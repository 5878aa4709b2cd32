import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runActionMain } from '../../src/action/run-action.js';
import { testClient } from '../publish/github-test-client.js';
import { startDeeplServer } from '../servers/deepl-server.js';
import type { GitHubServer } from '../servers/github-server.js';
import {
  actionEnv,
  gitIn,
  makeRepository,
  startRepositoryServer,
  readme,
  readOutputs,
  remoteCommit,
} from './git-fixture.js';

let repo: { root: string; work: string; remote: string };
let server: GitHubServer;
let written: string;

beforeEach(async () => {
  repo = await makeRepository();
  server = await startRepositoryServer(repo.remote);
  written = '';
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await server.close();
  await rm(repo.root, { recursive: true, force: true });
});

function envWith(inputs: Record<string, string>): Record<string, string> {
  return actionEnv(repo.root, server, inputs);
}

const run = (env: Record<string, string>, withClient = true) =>
  runActionMain({
    env,
    cwd: repo.work,
    write: (text) => {
      written += text;
    },
    client: withClient ? testClient(server) : undefined,
  });

/** The annotations written (warnings, errors, notices), without the log's groups and lines. */
const annotations = (): string[] =>
  written.split('\n').filter((line) => /^::(warning|error|notice)[ :]/.test(line));

/** Files changed on the remote's `main` since `from`. */
const remoteFilesSince = (from: string): string[] =>
  gitIn(repo.remote, 'diff', '--name-only', from, 'main')
    .split('\n')
    .filter((line) => line !== '')
    .sort();

const ours = [
  'docs/de/index.html',
  'docs/fr/index.html',
  'docs/index.html',
  'locales/README.de.md',
  'locales/README.fr.md',
  'locales/de.po',
  'locales/fr.po',
];

describe('the Action', () => {
  it('commit: push commits only the translations, memories and site, and a second run changes nothing', async () => {
    await writeFile(join(repo.work, 'notes.txt'), 'changed by another step\n');
    const env = envWith({ languages: 'fr,de', engine: 'pseudo', render: 'html', commit: 'push' });
    const initial = gitIn(repo.remote, 'rev-parse', 'main').trim();
    const code = await run(env);
    expect(annotations()).toEqual([]);
    expect(code).toBe(0);
    // Two commits: the translations and memories as soon as they are made, then the site.
    expect(remoteCommit(repo.remote, 'main~1')).toEqual([
      'docs: update README translations',
      ...ours.filter((file) => !file.startsWith('docs/')),
    ]);
    const [subject] = remoteCommit(repo.remote, 'main');
    const files = remoteFilesSince(initial);
    expect(subject).toBe('docs: update README translations');
    const committed = files.filter((file) => !file.startsWith('docs/') || ours.includes(file));
    expect(committed.filter((file) => !file.startsWith('docs/')).sort()).toEqual(
      ours.filter((f) => !f.startsWith('docs/')),
    );
    expect(files).not.toContain('notes.txt');
    expect(files.filter((file) => !file.startsWith('docs/') && !file.startsWith('locales/'))).toEqual([]);
    expect(gitIn(repo.work, 'status', '--porcelain')).toBe(' M notes.txt\n');
    const outputs = await readOutputs(env.GITHUB_OUTPUT as string);
    expect(outputs['changed-files']?.split('\n')).toEqual(files.sort());
    expect(outputs['release-url']).toBe('');
    const summary = await readFile(env.GITHUB_STEP_SUMMARY as string, 'utf8');
    expect(summary).toContain(
      '| Language | File | Units | Translated | From memory | By hand | Characters billed | PDF |',
    );
    expect(summary).toMatch(
      /\| fr \| \[locales\/README\.fr\.md\]\(https:\/\/github\.test\/octo-org\/octo-repo\/blob\/main\/locales\/README\.fr\.md\) \| 4 \| 4 \| 0 \| 0 \| \d+ \| — \|/,
    );

    const head = gitIn(repo.remote, 'rev-parse', 'main');
    expect(await run(env)).toBe(0);
    expect(gitIn(repo.remote, 'rev-parse', 'main')).toBe(head);
    const again = await readFile(env.GITHUB_STEP_SUMMARY as string, 'utf8');
    expect(again).toMatch(/\| fr \| \[locales\/README\.fr\.md\]\([^)]*\) \| 4 \| 0 \| 4 \| 0 \| 0 \| — \|/);
    expect(server.requests).toEqual([]);
  });

  it('links the pages to repository files outside the site at their web address', async () => {
    await writeFile(
      join(repo.work, 'README.md'),
      `${readme}\nSee [the box](vagrant/Vagrantfile#L3) and [the French page](locales/README.fr.md).\n`,
    );
    gitIn(repo.work, 'commit', '--quiet', '-am', 'links');
    const env = envWith({ languages: 'fr', engine: 'pseudo', render: 'html' });
    expect(await run(env)).toBe(0);
    for (const page of ['docs/index.html', 'docs/fr/index.html']) {
      const html = await readFile(join(repo.work, page), 'utf8');
      expect(html).toContain(
        'href="https://github.test/octo-org/octo-repo/blob/main/vagrant/Vagrantfile#L3"',
      );
    }
    // Between pages, links stay inside the site.
    expect(await readFile(join(repo.work, 'docs/index.html'), 'utf8')).toContain('href="fr/index.html"');
  });

  it('takes what the inputs leave unset from readme-i18n.config.yml', async () => {
    await writeFile(
      join(repo.work, 'readme-i18n.config.yml'),
      'languages: [de]\nengine: pseudo\nout: "i18n/{name}.{lang}.md"\nrender: { html: true, pdf: false, out: site }\n',
    );
    gitIn(repo.work, 'add', '.');
    gitIn(repo.work, 'commit', '--quiet', '-m', 'configure');
    const env = envWith({ commit: 'push' });
    const initial = gitIn(repo.work, 'rev-parse', 'HEAD').trim();
    expect(await run(env)).toBe(0);
    expect(annotations()).toEqual([]);
    const files = remoteFilesSince(initial);
    expect(files.filter((file) => !file.startsWith('site/'))).toEqual(['i18n/README.de.md', 'locales/de.po']);
    expect(files).toContain('site/de/index.html');
    expect(files.some((file) => file.endsWith('.pdf'))).toBe(false);
    expect(await readFile(join(repo.work, 'i18n/README.de.md'), 'utf8')).toContain(
      'Á šɱáļļ ţóóļ ţĥáţ ĝŕééţš þéóþļé.',
    );
  });

  it('commit: push fails clearly, forcing nothing, when the branch moved on', async () => {
    const other = join(repo.root, 'other');
    gitIn(repo.root, 'clone', '--quiet', repo.remote, other);
    await writeFile(join(other, 'CHANGELOG.md'), 'someone else\n');
    gitIn(other, 'add', '.');
    gitIn(other, 'commit', '--quiet', '-m', 'someone else');
    gitIn(other, 'push', '--quiet', 'origin', 'main');
    const theirs = gitIn(repo.remote, 'rev-parse', 'main');
    expect(await run(envWith({ languages: 'fr', engine: 'pseudo', render: 'none', commit: 'push' }))).toBe(1);
    expect(annotations().join('\n') + '\n').toMatch(
      /^::error title=readme-i18n::git push to main was rejected \(.*\): the branch moved on while this job ran, or it is protected\. Nothing was forced; run the workflow again, or use commit: pull-request for protected branches\n$/,
    );
    expect(gitIn(repo.remote, 'rev-parse', 'main')).toBe(theirs);
  });

  it('commit: pull-request opens one pull request on a fixed branch, then updates it', async () => {
    const env = envWith({ languages: 'fr', engine: 'pseudo', render: 'none', commit: 'pull-request' });
    const code = await run(env);
    expect(annotations()).toEqual([]);
    expect(code).toBe(0);
    expect(server.calls()).toEqual([
      'GET /repos/octo-org/octo-repo/pulls',
      'POST /repos/octo-org/octo-repo/pulls',
    ]);
    expect(remoteCommit(repo.remote, 'readme-i18n/translations')).toEqual([
      'docs: update README translations',
      'locales/README.fr.md',
      'locales/fr.po',
    ]);
    expect((await readOutputs(env.GITHUB_OUTPUT as string))['pull-request-url']).toBe(
      'https://github.test/octo-org/octo-repo/pull/1',
    );
    expect(server.pulls.map((pull) => [pull.number, pull.head, pull.base, pull.state])).toEqual([
      [1, 'readme-i18n/translations', 'main', 'open'],
    ]);

    // The next run starts from main again, with a changed source.
    gitIn(repo.work, 'checkout', '--quiet', '-f', 'main');
    gitIn(repo.work, 'clean', '--quiet', '-fd');
    await writeFile(
      join(repo.work, 'README.md'),
      `${await readFile(join(repo.work, 'README.md'), 'utf8')}\nOne more line.\n`,
    );
    gitIn(repo.work, 'commit', '--quiet', '-am', 'more');
    const from = server.requests.length;
    expect(await run(env)).toBe(0);
    expect(server.calls(from)).toEqual([
      'GET /repos/octo-org/octo-repo/pulls',
      'PATCH /repos/octo-org/octo-repo/pulls/1',
    ]);
    expect(server.pulls).toHaveLength(1);
    expect(gitIn(repo.remote, 'show', 'readme-i18n/translations:locales/README.fr.md')).toContain(
      'Óñé ɱóŕé ļíñé.',
    );
  });

  it('skips translation with a notice when there is no DeepL key, as in a fork', async () => {
    const env = envWith({ languages: 'fr', render: 'none', commit: 'push' });
    expect(await run(env)).toBe(0);
    expect(annotations().join('\n') + '\n').toBe(
      '::notice title=readme-i18n::translation skipped: no DeepL key (a run from a fork, or the secret is not set). To translate, pass it from a secret: `deepl-key: ${{ secrets.DEEPL_AUTH_KEY }}`\n',
    );
    expect(gitIn(repo.work, 'status', '--porcelain')).toBe('');
    expect(await readFile(env.GITHUB_STEP_SUMMARY as string, 'utf8')).toContain(
      '> Translation skipped: no DeepL key',
    );
  });

  it('stops before translating, with exit 1 (not a usage error), when the browser named is missing', async () => {
    const env = envWith({
      languages: 'fr',
      engine: 'pseudo',
      render: 'pdf',
      'chrome-path': '/nonexistent/chrome',
    });
    expect(await run(env)).toBe(1);
    expect(annotations()).toEqual([
      '::error title=readme-i18n::no Chrome or Chromium at /nonexistent/chrome (named by the input chrome-path): ' +
        'not an executable file. Point the input chrome-path at a Chrome or Chromium binary, or leave it unset ' +
        'to use the one installed (`sudo apt-get install chromium` installs Chromium).',
    ]);
    expect(gitIn(repo.work, 'status', '--porcelain')).toBe('');
  });

  it('renders PDFs and releases them with the default client, from INPUT_* and GITHUB_* alone', async () => {
    const env = envWith({ languages: 'fr', engine: 'pseudo', render: 'html,pdf', 'release-tag': 'v1.0.0' });
    expect(await run(env, false)).toBe(0);
    expect(server.calls()).toEqual([
      'GET /repos/octo-org/octo-repo/releases',
      'POST /repos/octo-org/octo-repo/releases',
      'GET /repos/octo-org/octo-repo/releases/1/assets',
      'POST /uploads/repos/octo-org/octo-repo/releases/1/assets',
      'POST /uploads/repos/octo-org/octo-repo/releases/1/assets',
      // Created as a draft, filled, then published: immutable releases take no asset once published.
      'PATCH /repos/octo-org/octo-repo/releases/1',
    ]);
    expect(server.releases[0]?.draft).toBe(false);
    // The source language's PDF is attached too.
    expect(server.releases[0]?.assets.map((candidate) => candidate.name)).toEqual([
      'README.en.pdf',
      'README.fr.pdf',
    ]);
    const asset = server.releases[0]?.assets[1];
    expect(asset?.name).toBe('README.fr.pdf');
    expect(asset?.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(asset?.content.equals(await readFile(join(repo.work, 'docs/pdf/README.fr.pdf')))).toBe(true);
    expect(server.releases[0]?.body).toMatch(
      /^<!-- readme-i18n:languages -->\n\| Language \| Translated \| PDF \|\n\| --- \| --- \| --- \|\n\| en \| — \| \[README\.en\.pdf\]\([^)]*\) \|\n\| fr \| 100 % \(4\/4 units\) \| \[README\.fr\.pdf\]\(https:\/\/github\.test\/octo-org\/octo-repo\/releases\/download\/v1\.0\.0\/README\.fr\.pdf\) \|/,
    );
    const outputs = await readOutputs(env.GITHUB_OUTPUT as string);
    expect(outputs['release-url']).toBe('https://github.test/octo-org/octo-repo/releases/tag/v1.0.0');
    expect(await readFile(env.GITHUB_STEP_SUMMARY as string, 'utf8')).toContain(
      'Release: https://github.test/octo-org/octo-repo/releases/tag/v1.0.0',
    );
  });

  it('translates with DeepL when given the key, bills it in the summary, and never shows the key', async () => {
    const key = 'deepl-secret-key-0000:fx';
    const deepl = await startDeeplServer({ authKey: key });
    try {
      // The engine reads these from the process environment; both are restored after the test.
      vi.stubEnv('DEEPL_SERVER_URL', deepl.url);
      vi.stubEnv('DEEPL_AUTH_KEY', '');
      const env = envWith({
        languages: 'fr',
        engine: 'deepl',
        'deepl-key': key,
        render: 'none',
        commit: 'push',
      });
      const code = await run(env);
      expect(annotations()).toEqual([]);
      expect(code).toBe(0);
      expect(deepl.requests.filter((request) => request.path === '/v2/translate').length).toBeGreaterThan(0);
      const summary = await readFile(env.GITHUB_STEP_SUMMARY as string, 'utf8');
      expect(summary).toMatch(
        new RegExp(
          `\\| fr \\| \\[locales/README\\.fr\\.md\\]\\([^)]*\\) \\| 4 \\| 4 \\| 0 \\| 0 \\| ${deepl.billedCharacters} \\| — \\|`,
        ),
      );
      const everything = [
        written,
        summary,
        await readFile(env.GITHUB_OUTPUT as string, 'utf8'),
        gitIn(repo.remote, 'log', '-p', 'main'),
      ].join('\n');
      expect(everything).not.toContain(key);
      expect(gitIn(repo.remote, 'show', 'main:locales/README.fr.md')).toContain(
        'A SMALL TOOL THAT GREETS PEOPLE.',
      );
    } finally {
      await deepl.close();
    }
  });
});
