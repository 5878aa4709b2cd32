import { execFile } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtActionBundle } from '../helpers/action-bundle.js';
import { gitIn, readme } from './git-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const dist = new URL('../../dist/', import.meta.url).pathname;
let root: string;
let fresh: string;

beforeAll(async () => {
  root = tempDir('readme-i18n-bundle-');
  // Built once for this file and tests/action/bundle-scenarios.test.ts.
  fresh = await builtActionBundle();
}, 600_000);

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

describe('the bundled Action in dist/', () => {
  it('is what the sources build to (else run `npm run build:action` and commit dist/)', async () => {
    const files = await listFiles(fresh);
    expect(await listFiles(dist)).toEqual(files);
    const stale: string[] = [];
    for (const file of files) {
      const [built, committed] = await Promise.all([readFile(join(fresh, file)), readFile(join(dist, file))]);
      if (!built.equals(committed)) stale.push(file);
    }
    expect(stale).toEqual([]);
  });

  it('runs on its own, outside the project and its node_modules', async () => {
    const action = join(root, 'action');
    await cp(fresh, action, { recursive: true });
    const work = join(root, 'work');
    gitIn(root, 'init', '--quiet', '-b', 'main', work);
    // A diagram: Mermaid's module build has to load from the bundle's own node_modules.
    await writeFile(
      join(work, 'README.md'),
      `${readme}\n\`\`\`mermaid\nflowchart LR\n  Push --> Pages\n\`\`\`\n`,
    );
    gitIn(work, 'add', '.');
    gitIn(work, 'commit', '--quiet', '-m', 'initial');
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: root,
      INPUT_LANGUAGES: 'fr',
      INPUT_ENGINE: 'pseudo',
      INPUT_RENDER: 'html',
    };
    const { stdout } = await run(process.execPath, [join(action, 'index.js')], { cwd: work, env });
    // The outputs follow the log's groups, as a local run prints them.
    const outputs = stdout.slice(stdout.indexOf('changed-files: '));
    expect(stdout).toMatch(/^::group::Check the runner\n/);
    // The render's state file (what lets an unchanged site be skipped) is committed with the site.
    expect(outputs.split('\n').slice(0, 3)).toEqual([
      'changed-files: docs/.readme-i18n-render.json',
      expect.stringMatching(/^docs\/assets\/diagrams\/[\da-f]{20}\.svg$/),
      'docs/assets/github-markdown.css',
    ]);
    expect(stdout).toContain('locales/README.fr.md\nlocales/fr.po\nrelease-url: \n');
    expect(await readFile(join(work, 'docs/index.html'), 'utf8')).toMatch(
      /<img src="assets\/diagrams\/[\da-f]{20}\.svg" alt="[^"]+"/,
    );
    expect(await readFile(join(work, 'locales/README.fr.md'), 'utf8')).toContain(
      'Á šɱáļļ ţóóļ ţĥáţ ĝŕééţš þéóþļé.',
    );

    const failed = await run(process.execPath, [join(action, 'index.js')], {
      cwd: work,
      env: { PATH: env.PATH, INPUT_LANGUAGES: 'fr', INPUT_COMMIT: 'always' },
    }).catch((error: unknown) => error as { code: number; stdout: string });
    expect(failed).toMatchObject({
      code: 2,
      stdout:
        "::error title=readme-i18n::the input 'commit' must be one of push, pull-request, none, not 'always'\n",
    });
  });
});
