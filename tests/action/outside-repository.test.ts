import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handOver, takeOver } from '../../src/action/handover.js';
import { runActionMain } from '../../src/action/run-action.js';
import { testClient } from '../publish/github-test-client.js';
import { startGitHubServer, type GitHubServer } from '../servers/github-server.js';
import { actionEnv, gitIn, makeRepository } from './git-fixture.js';

let repo: { root: string; work: string; remote: string };
let server: GitHubServer;

beforeEach(async () => {
  repo = await makeRepository();
  server = await startGitHubServer();
});

afterEach(async () => {
  await server.close();
  await rm(repo.root, { recursive: true, force: true });
});

describe('the Action on a pull request that links a translation to a secret', () => {
  it('stops with exit 2 naming the path, and commits, pushes and reads nothing', async () => {
    const secret = join(repo.root, 'secret.txt');
    await writeFile(secret, 'TOKEN=ghs_secret\n');
    await mkdir(join(repo.work, 'locales'));
    await symlink(secret, join(repo.work, 'locales/README.fr.md'));
    const before = gitIn(repo.remote, 'rev-parse', 'main');
    let written = '';
    const code = await runActionMain({
      env: actionEnv(repo.root, server, {
        languages: 'fr',
        engine: 'pseudo',
        render: 'html',
        commit: 'push',
      }),
      cwd: repo.work,
      write: (text) => {
        written += text;
      },
      client: testClient(server),
    });
    expect(code).toBe(2);
    expect(written).toContain(
      `--out (out: in the configuration) names locales/README.fr.md, which resolves to ${secret}, outside the repository ${repo.work}`,
    );
    expect(written).not.toContain('ghs_secret');
    expect(await readFile(secret, 'utf8')).toBe('TOKEN=ghs_secret\n');
    expect(gitIn(repo.remote, 'rev-parse', 'main')).toBe(before);
    expect(gitIn(repo.work, 'status', '--porcelain')).toBe('?? locales/\n');
  });
});

describe('the handover between matrix jobs', () => {
  it('never copies a linked translation into the artifact, nor writes through a linked locales/', async () => {
    const secret = join(repo.root, 'secret.txt');
    await writeFile(secret, 'TOKEN=ghs_secret\n');
    await mkdir(join(repo.work, 'locales'));
    await symlink(secret, join(repo.work, 'locales/README.fr.md'));
    await writeFile(join(repo.work, 'locales/fr.po'), 'msgid ""\nmsgstr ""\n');
    const handover = join(repo.root, 'handover');
    expect(await handOver(repo.work, ['locales/README.fr.md', 'locales/fr.po'], handover)).toEqual([
      'locales/fr.po',
    ]);
    expect(await readdir(join(handover, 'locales'))).toEqual(['fr.po']);

    const elsewhere = join(repo.root, 'elsewhere');
    await mkdir(elsewhere);
    await rm(join(repo.work, 'locales'), { recursive: true });
    await symlink(elsewhere, join(repo.work, 'locales'));
    await expect(takeOver(repo.work, handover, new Set(['locales/fr.po']))).rejects.toThrow(
      `a file handed over names locales/fr.po, which resolves to ${join(elsewhere, 'fr.po')}, outside the repository ${repo.work}`,
    );
    expect(await readdir(elsewhere)).toEqual([]);
  });
});
