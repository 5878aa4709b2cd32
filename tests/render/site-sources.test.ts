import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { gitHubWebAddress } from '../../src/cli/repository-url.js';
import { renderSite } from '../../src/render/render-site.js';
import { repositoryBlobUrl, repositoryFileUrl } from '../../src/render/repository-links.js';
import { planSite } from '../../src/render/site-plan.js';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { expectFile, fixturesRoot } from '../helpers/fixtures.js';
import { pdfText } from './pdf-inspect.js';

const git = promisify(execFile);
const fixture = join(fixturesRoot, 'render-sources');
const repo = join(fixture, 'repo');
const readme = { source: 'README.md', pattern: 'locales/README.{lang}.md' };
const usage = { source: 'docs/usage.md', pattern: 'docs/locales/usage.{lang}.md' };
const sources = [
  readme,
  { source: 'docs/guide/setup.md', pattern: 'docs/guide/locales/setup.{lang}.md' },
  usage,
];
const folders: string[] = [];
const project = (): string => {
  const folder = tempProject(repo);
  folders.push(folder);
  return folder;
};
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

/** Every file of the site, then each page's links (stylesheets, switcher, body) in order. */
async function siteListing(site: string): Promise<string> {
  const files = (await readdir(site, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(site, join(entry.parentPath, entry.name)))
    .sort();
  const lines = ['# files', ...files, ''];
  for (const file of files.filter((name) => name.endsWith('.html'))) {
    const html = await readFile(join(site, file), 'utf8');
    lines.push(`# ${file}`, ...[...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? ''), '');
  }
  return lines.join('\n');
}

describe('a site of several sources (HTML)', () => {
  it('has a page per source and language, linked to each other, and other files at the repository', async () => {
    const root = project();
    const report = await renderSite({
      root,
      sources,
      html: true,
      repositoryUrl: 'https://github.com/octo/lab/blob/main',
    });
    expect(
      report.pages.map((page) => [relative(root, page.source), page.lang, relative(root, page.html ?? '')]),
    ).toEqual([
      ['README.md', 'en', 'docs/index.html'],
      ['README.md', 'fr', 'docs/fr/index.html'],
      ['docs/guide/setup.md', 'en', 'docs/docs/guide/setup.html'],
      ['docs/guide/setup.md', 'fr', 'docs/fr/docs/guide/setup.html'],
      ['docs/usage.md', 'en', 'docs/docs/usage.html'],
      ['docs/usage.md', 'fr', 'docs/fr/docs/usage.html'],
    ]);
    expectFile(join(fixture, 'site.txt'), await siteListing(join(root, 'docs')));
  });

  it('renders every configured source from the CLI, links to the repository taken from --repo-url and --ref', async () => {
    const root = project();
    const result = await runCliHere(
      'readme-i18n',
      ['render', '--html', '--repo-url', 'https://github.com/octo/lab/', '--ref', 'main'],
      root,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // The same site as renderSite's with the three sources listed.
    expect(await siteListing(join(root, 'docs'))).toBe(await readFile(join(fixture, 'site.txt'), 'utf8'));
  });

  it("takes the repository's address from the origin remote on github.com, and the checked-out branch", async () => {
    const root = project();
    await git('git', ['init', '-q', '-b', 'trunk'], { cwd: root });
    await git('git', ['remote', 'add', 'origin', 'git@github.com:octo/lab.git'], { cwd: root });
    const result = await runCliHere(
      'readme-i18n',
      ['render', '--html', '--source', 'docs/guide/setup.md'],
      root,
    );
    expect(result.status).toBe(0);
    const page = await readFile(join(root, 'docs/index.html'), 'utf8');
    expect(page).toContain('href="https://github.com/octo/lab/blob/trunk/vagrant/Vagrantfile"');
    // With --no-repo-url the link stays relative (and works only where the repository is served).
    await runCliHere(
      'readme-i18n',
      ['render', '--html', '--source', 'docs/guide/setup.md', '--no-repo-url'],
      root,
    );
    expect(await readFile(join(root, 'docs/index.html'), 'utf8')).toContain('href="../vagrant/Vagrantfile"');
  });

  it('refuses a pattern without {name} for several sources, and a repository address that is no web address', async () => {
    const root = project();
    const pattern = await runCliHere(
      'readme-i18n',
      ['render', '--html', '--pattern', 'locales/{lang}.md'],
      root,
    );
    expect(pattern.status).toBe(2);
    expect(pattern.stderr).toContain(
      "--pattern 'locales/{lang}.md' must contain {name} when several sources are rendered",
    );
    const address = await runCliHere(
      'readme-i18n',
      ['render', '--html', '--repo-url', 'github.com/octo/lab'],
      root,
    );
    expect(address.status).toBe(2);
    expect(address.stderr).toContain(
      "--repo-url must be the repository's web address, such as https://github.com/owner/repo, not 'github.com/octo/lab'",
    );
  });
});

describe('sources that would meet', () => {
  it('are refused before anything is written, naming both and the way out; PDFs of one name are told apart', async () => {
    const root = project();
    await writeFile(join(root, 'index.md'), '# Index\n');
    await expect(
      renderSite({
        root,
        sources: [readme, { source: 'index.md', pattern: 'locales/index.{lang}.md' }],
        langs: [],
        html: true,
      }),
    ).rejects.toThrow(
      "the sources README.md and index.md would both be rendered as docs/index.html (the first source is each language's index.html); leave one out of the sources or rename it",
    );
    expect(existsSync(join(root, 'docs/index.html'))).toBe(false);
    // Two PDFs of the same name are told apart by the path of the second.
    const named = await planSite({
      root,
      sources: [
        { ...readme, name: 'usage' },
        usage,
        { source: 'docs/guide/setup.md', pattern: 'x.{lang}.md' },
      ],
      sourceLang: 'en',
      langs: [],
      outDir: 'docs',
    });
    expect(named.map((page) => relative(root, page.pdfFile))).toEqual([
      'docs/pdf/usage.en.pdf',
      'docs/pdf/docs-usage.en.pdf',
      'docs/pdf/setup.en.pdf',
    ]);
  });
});

describe('repository addresses', () => {
  it('reads every form of a github.com remote, and no other host', () => {
    for (const remote of [
      'https://github.com/octo/lab.git',
      'https://github.com/octo/lab',
      'https://x-access-token:SECRET@github.com/octo/lab.git',
      'git@github.com:octo/lab.git',
      'ssh://git@github.com/octo/lab.git',
      'git://github.com/octo/lab.git\n',
    ]) {
      expect(gitHubWebAddress(remote)).toBe('https://github.com/octo/lab');
    }
    for (const remote of [
      'https://gitlab.com/octo/lab.git',
      'git@example.com:octo/lab.git',
      '/srv/lab.git',
      'x',
    ])
      expect(gitHubWebAddress(remote)).toBeUndefined();
  });

  it('points a file outside the site at the repository, and leaves the site and the outside alone', () => {
    const base = repositoryBlobUrl('https://github.com/octo/lab/', 'feature/a b');
    expect(base).toBe('https://github.com/octo/lab/blob/feature/a%20b');
    expect(repositoryFileUrl('/r/vagrant/Vagrant file', '/r', '/r/docs', base)).toBe(
      'https://github.com/octo/lab/blob/feature/a%20b/vagrant/Vagrant%20file',
    );
    expect(repositoryFileUrl('/r/docs/notes.txt', '/r', '/r/docs', base)).toBeUndefined();
    expect(repositoryFileUrl('/elsewhere/x', '/r', '/r/docs', base)).toBeUndefined();
    expect(repositoryFileUrl('/r/vagrant/Vagrantfile', '/r', '/r/docs', undefined)).toBeUndefined();
  });
});

describe('a site of several sources (real Chromium)', () => {
  it("prints the second source's PDF, its repository links absolute", async () => {
    const root = project();
    const report = await renderSite({
      root,
      sources: [readme, usage],
      langs: [],
      pdf: true,
      repositoryUrl: 'https://github.com/octo/lab/blob/main',
    });
    expect(report.pages.map((page) => relative(root, page.pdf ?? ''))).toEqual([
      'docs/pdf/README.en.pdf',
      'docs/pdf/usage.en.pdf',
    ]);
    const pdf = await readFile(join(root, 'docs/pdf/usage.en.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfText(join(root, 'docs/pdf/usage.en.pdf'))).toContain(
      'Start the machine described in its Vagrantfile.',
    );
    expect(pdf.toString('latin1')).toContain('(https://github.com/octo/lab/blob/main/vagrant/Vagrantfile)');
  });
});
