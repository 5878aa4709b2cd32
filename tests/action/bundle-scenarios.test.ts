import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builtActionBundle } from '../helpers/action-bundle.js';
import { runCliHere } from '../helpers/cli.js';
import { startDeeplServer, type DeeplServer } from '../servers/deepl-server.js';
import type { GitHubServer } from '../servers/github-server.js';
import { actionEnv, gitIn, makeRepository, startRepositoryServer, readOutputs } from './git-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

// The "Done when" scenarios, run as a runner runs the Action: `node dist/index.js` in a child
// process with INPUT_* and GITHUB_* variables, against a bare git remote on disk, the DeepL test
// server and the GitHub API test server. The bundle is the one the current sources build.

const authKey = 'deepl-test-key-0000:fx';
let bundle: string;
let repo: { root: string; work: string; remote: string };
let server: GitHubServer;
let deepl: DeeplServer;

beforeAll(async () => {
  bundle = await builtActionBundle();
}, 600_000);

beforeEach(async () => {
  repo = await makeRepository();
  deepl = await startDeeplServer({ authKey });
});

afterEach(async () => {
  await server?.close();
  await deepl.close();
});

async function startServer(immutableReleases = false): Promise<GitHubServer> {
  server = await startRepositoryServer(repo.remote, immutableReleases);
  return server;
}

/** Commits files into the checkout and pushes them, as the repository was before the run. */
async function commitFiles(files: Record<string, string | Buffer>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(join(repo.work, file, '..'), { recursive: true });
    await writeFile(join(repo.work, file), content);
  }
  gitIn(repo.work, 'add', '.');
  gitIn(repo.work, 'commit', '--quiet', '-m', 'more files');
  gitIn(repo.work, 'push', '--quiet', 'origin', 'main');
}

/** A fresh clone of the remote's main branch, as a new runner checks it out. */
function checkout(name: string): string {
  const folder = join(repo.root, name);
  gitIn(repo.root, 'clone', '--quiet', repo.remote, folder);
  return folder;
}

interface BundleRun {
  readonly code: number | null;
  /** Standard output: the log, its groups and the annotations. */
  readonly log: string;
  readonly outputs: Record<string, string>;
  readonly annotations: string[];
}

/** Runs `node <bundle>/index.js` in `cwd` with the runner's variables for these inputs. */
async function runBundle(cwd: string, inputs: Record<string, string>): Promise<BundleRun> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: repo.root,
    DEEPL_SERVER_URL: deepl.url,
    ...Object.fromEntries(
      ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_BIN']
        .filter((name) => process.env[name] !== undefined)
        .map((name) => [name, process.env[name] as string]),
    ),
    ...actionEnv(repo.root, server, { 'deepl-key': authKey, engine: 'deepl', ...inputs }),
  };
  const outputFile = env.GITHUB_OUTPUT ?? '';
  await writeFile(outputFile, '');
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve) => {
      const child = spawn(process.execPath, [join(bundle, 'index.js')], {
        cwd,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 300_000,
      });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      child.on('close', (status) => resolve({ code: status, stdout: out, stderr: err }));
    },
  );
  // Secrets never reach the log.
  expect(stdout + stderr).not.toContain(authKey);
  expect(stderr).toBe('');
  return {
    code,
    log: stdout,
    outputs: await readOutputs(outputFile),
    annotations: stdout.split('\n').filter((line) => /^::(warning|error|notice)[ :]/.test(line)),
  };
}

const translateRequests = (): number =>
  deepl.requests.filter((request) => request.path === '/v2/translate').length;
const fakePdf = (name: string): Buffer => Buffer.from(`%PDF-1.7\n% ${name}\n%%EOF\n`);

describe('the bundled Action, run as a runner runs it', () => {
  it('keeps the translations and memory on the remote branch when the release fails; a rerun sends 0 units', async () => {
    await startServer();
    await commitFiles({ 'docs/pdf/README.en.pdf': fakePdf('en') });
    server.failNext({
      method: 'POST',
      path: /\/releases$/,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const inputs = { languages: 'fr', render: 'html', commit: 'push', 'release-tag': 'v1.0.0' };
    const first = await runBundle(checkout('first'), inputs);
    expect(first.code).toBe(1);
    expect(first.annotations).toEqual([
      expect.stringMatching(
        /^::error title=readme-i18n::could not create the release v1\.0\.0 in octo-org\/octo-repo \(GitHub answered 403: Resource not accessible by integration\)/,
      ),
    ]);
    expect(first.outputs['units-sent']).toBe('4');
    const sent = translateRequests();
    expect(gitIn(repo.remote, 'show', 'main:locales/README.fr.md')).toContain(
      'A SMALL TOOL THAT GREETS PEOPLE.',
    );
    expect(gitIn(repo.remote, 'show', 'main:locales/fr.po')).toContain(
      'msgstr "A SMALL TOOL THAT GREETS PEOPLE."',
    );
    // The site rendered before the release failed is saved too.
    expect(gitIn(repo.remote, 'ls-tree', '--name-only', 'main', 'docs/fr/')).toBe('docs/fr/index.html\n');

    const second = await runBundle(checkout('second'), inputs);
    expect(second.annotations).toEqual([]);
    expect(second.code).toBe(0);
    expect(second.outputs['units-sent']).toBe('0');
    expect(translateRequests()).toBe(sent);
    expect(
      server.releases.map((release) => [release.tag_name, release.draft, release.assets.map((a) => a.name)]),
    ).toEqual([['v1.0.0', false, ['README.en.pdf']]]);
  });

  it('drafts, fills and publishes a release where releases are immutable; a rerun uploads nothing', async () => {
    await startServer(true);
    await commitFiles({ 'docs/pdf/README.en.pdf': fakePdf('en'), 'docs/pdf/README.fr.pdf': fakePdf('fr') });
    const inputs = { languages: 'fr', engine: 'pseudo', render: 'none', 'release-tag': 'v2.0.0' };
    const first = await runBundle(repo.work, inputs);
    expect(first.annotations).toEqual([]);
    expect(first.code).toBe(0);
    expect(server.calls()).toEqual([
      'GET /repos/octo-org/octo-repo/releases',
      'POST /repos/octo-org/octo-repo/releases',
      'GET /repos/octo-org/octo-repo/releases/1/assets',
      'POST /uploads/repos/octo-org/octo-repo/releases/1/assets',
      'POST /uploads/repos/octo-org/octo-repo/releases/1/assets',
      'PATCH /repos/octo-org/octo-repo/releases/1',
    ]);
    const [release] = server.releases;
    expect([release?.draft, release?.immutable]).toEqual([false, true]);
    expect(release?.assets.map((asset) => asset.name)).toEqual(['README.en.pdf', 'README.fr.pdf']);
    expect(first.outputs['release-url']).toBe('https://github.test/octo-org/octo-repo/releases/tag/v2.0.0');

    const from = server.requests.length;
    const again = await runBundle(repo.work, inputs);
    expect(again.code).toBe(0);
    expect(server.calls(from)).toEqual([
      'GET /repos/octo-org/octo-repo/releases',
      'GET /repos/octo-org/octo-repo/releases/1/assets',
    ]);
  });

  it('shows a unit kept in the source language as a warning annotation on its file and line', async () => {
    await startServer();
    deepl.setFaults({ dropTag: true });
    const run = await runBundle(repo.work, { languages: 'fr', render: 'none' });
    expect(run.code).toBe(0);
    expect(run.annotations).toEqual([
      expect.stringMatching(
        /^::warning file=README\.md,line=7,title=readme-i18n::fr: kept its source text: .+$/,
      ),
    ]);
    expect(run.log).toMatch(/^::group::Translate\n(?:.*\n)*?::endgroup::\n/m);
  });

  it('translates in two matrix jobs, then publishes once: 0 units sent, both languages everywhere, every PDF released, check passes', async () => {
    await startServer();
    // A second source, with a link to the README and one to a repository file outside the site.
    await commitFiles({
      'readme-i18n.config.yml': 'sources: [README.md, docs/usage.md]\n',
      'docs/usage.md':
        '# Usage\n\nBack to the [overview](../README.md). The machine is in [its Vagrantfile](../vagrant/Vagrantfile).\n',
      'vagrant/Vagrantfile': 'Vagrant.configure("2") do |config|\nend\n',
    });
    const handovers: string[] = [];
    for (const lang of ['fr', 'de']) {
      const handover = join(repo.root, `handover-${lang}`);
      const job = await runBundle(checkout(`job-${lang}`), {
        languages: lang,
        steps: 'translate',
        'handover-dir': handover,
      });
      expect(job.annotations).toEqual([]);
      expect(job.code).toBe(0);
      expect(job.outputs['changed-files']?.split('\n')).toEqual([
        `docs/locales/usage.${lang}.md`,
        `locales/README.${lang}.md`,
        `locales/${lang}.po`,
      ]);
      handovers.push(handover);
    }
    expect(server.requests).toEqual([]);
    const sent = translateRequests();

    // actions/download-artifact with merge-multiple: true puts every job's files in one folder.
    const merged = tempDir('readme-i18n-merged-');
    for (const handover of handovers) await cp(handover, merged, { recursive: true });
    const publish = checkout('publish');
    const run = await runBundle(publish, {
      languages: 'fr,de',
      steps: 'publish',
      'handover-dir': merged,
      render: 'html,pdf',
      commit: 'push',
      'release-tag': 'v1.0.0',
    });
    expect(run.annotations).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.outputs['units-sent']).toBe('0');
    expect(translateRequests()).toBe(sent);
    // Every switcher lists both languages: the translations' and the site's pages'.
    for (const [lang, other] of [
      ['fr', 'de'],
      ['de', 'fr'],
    ] as const) {
      expect(gitIn(repo.remote, 'show', `main:locales/README.${lang}.md`)).toContain(`(README.${other}.md)`);
      expect(gitIn(repo.remote, 'show', `main:docs/locales/usage.${lang}.md`)).toContain(
        `(usage.${other}.md)`,
      );
    }
    for (const page of ['index.html', 'fr/index.html', 'de/docs/usage.html', 'docs/usage.html']) {
      const html = gitIn(repo.remote, 'show', `main:docs/${page}`);
      const switcher = /<nav class="readme-i18n-switcher"[^]*?<\/nav>/.exec(html)?.[0] ?? '';
      expect([...switcher.matchAll(/\slang="([^"]+)"/g)].map((match) => match[1])).toEqual([
        'en',
        'de',
        'fr',
      ]);
    }
    // The second source's page leads back to the README in its language, and to the repository's file.
    const usage = gitIn(repo.remote, 'show', 'main:docs/de/docs/usage.html');
    expect(usage).toContain('href="../index.html"');
    expect(usage).toContain('href="https://github.test/octo-org/octo-repo/blob/main/vagrant/Vagrantfile"');
    expect(server.releases[0]?.assets.map((asset) => asset.name)).toEqual([
      'README.de.pdf',
      'README.en.pdf',
      'README.fr.pdf',
      'usage.de.pdf',
      'usage.en.pdf',
      'usage.fr.pdf',
    ]);
    // The job summary links each language's PDFs, the README's first.
    const summary = await readFile(join(repo.root, 'summary.md'), 'utf8');
    const download = 'https://github.test/octo-org/octo-repo/releases/download/v1.0.0';
    expect(summary).toContain(
      `| [README.fr.pdf](${download}/README.fr.pdf) · [usage.fr.pdf](${download}/usage.fr.pdf) |`,
    );
    const check = await runCliHere('readme-i18n', ['check', '--lang', 'fr,de'], publish);
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
