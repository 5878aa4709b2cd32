import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startGitHubServer, type GitHubServer } from '../servers/github-server.js';
import { testToken } from './github-test-client.js';
import { tempDir } from '../helpers/temp-dir.js';

let server: GitHubServer;
let cwd: string;
const startDir = process.cwd();

beforeEach(async () => {
  server = await startGitHubServer({ token: testToken });
  cwd = tempDir('readme-i18n-release-cli-');
  await mkdir(join(cwd, 'docs/pdf'), { recursive: true });
  await writeFile(join(cwd, 'docs/pdf/README.fr.pdf'), '%PDF fr');
  await writeFile(
    join(cwd, 'report.jsonl'),
    '{"lang":"fr","file":"locales/README.fr.md","units":10,"unitsUnique":9,"unitsSent":9,"charsSent":300,"requests":1,"keptSource":1,"ms":5}\n',
  );
  vi.stubEnv('GITHUB_TOKEN', testToken);
  vi.stubEnv('GITHUB_REPOSITORY', 'octo-org/octo-repo');
  vi.stubEnv('GITHUB_API_URL', server.url);
  vi.stubEnv('GITHUB_SERVER_URL', 'https://github.test');
  process.chdir(cwd);
});

afterEach(async () => {
  process.chdir(startDir);
  vi.unstubAllEnvs();
  await server.close();
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const code = await main(argv);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('readme-i18n release', () => {
  it('publishes with the environment of a runner and prints what it did, never the token', async () => {
    const first = await run(['release', '--tag', 'v2.0.0', '--report', 'report.jsonl']);
    expect(first).toEqual({
      code: 0,
      out: 'release v2.0.0: created https://github.test/octo-org/octo-repo/releases/tag/v2.0.0\n  uploaded: README.fr.pdf\n',
      err: '',
    });
    expect(server.releases[0]?.body).toContain('| fr | 90 % (9/10 units) | [README.fr.pdf]');
    const second = await run(['release', '--tag', 'v2.0.0', '--report', 'report.jsonl', '--dry-run']);
    expect(second.out).toBe(
      'release v2.0.0: would be unchanged https://github.test/octo-org/octo-repo/releases/tag/v2.0.0\n  would be unchanged: README.fr.pdf\n',
    );
    expect(first.out + first.err + second.out + second.err).not.toContain(testToken);
  });

  it('exits 2 with a usage message when the token is missing or the tag not given', async () => {
    vi.stubEnv('GITHUB_TOKEN', '');
    const missing = await run(['release', '--tag', 'v1']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^readme-i18n: GITHUB_TOKEN is not set/);
    expect(missing.err).toMatch(/\(--dry-run shows what would be published without one\)\n$/);
    expect((await run(['release'])).code).toBe(2);
    expect(server.requests).toEqual([]);
  });

  it('dry-runs without a token: says what it would attach and what a real run needs, asks GitHub nothing', async () => {
    vi.stubEnv('GITHUB_TOKEN', '');
    await writeFile(join(cwd, 'docs/pdf/README.es.pdf'), '%PDF es');
    const offline = await run(['release', '--tag', 'v2.0.0', '--report', 'report.jsonl', '--dry-run']);
    expect(offline).toEqual({
      code: 0,
      out:
        'release v2.0.0 in octo-org/octo-repo: not looked up (dry run without GITHUB_TOKEN: nothing was asked of GitHub)\n' +
        '  would create it, or update the notes of an existing one\n' +
        '  would upload, or replace where the bytes differ: README.es.pdf, README.fr.pdf\n' +
        'a real run needs GITHUB_TOKEN (a token that may write contents)\n',
      err: '',
    });
    vi.stubEnv('GITHUB_REPOSITORY', '');
    const nowhere = await run(['release', '--tag', 'v2.0.0', '--dry-run']);
    expect(nowhere.code).toBe(0);
    expect(nowhere.out).toMatch(
      /^release v2\.0\.0: not looked up .*\na real run needs GITHUB_TOKEN \(a token that may write contents\) and GITHUB_REPOSITORY \('owner\/name'\)\n$/s,
    );
    // What a real run would refuse, the dry run refuses too: a bad tag, no asset.
    expect((await run(['release', '--tag', 'v 2', '--dry-run'])).code).toBe(2);
    expect((await run(['release', '--tag', 'v2', '--assets', 'none/*.pdf', '--dry-run'])).code).toBe(2);
    expect(server.requests).toEqual([]);
  });

  it('exits 1 naming the step when GitHub refuses the token', async () => {
    vi.stubEnv('GITHUB_TOKEN', 'ghs_wrong');
    const refused = await run(['release', '--tag', 'v1']);
    expect(refused).toEqual({
      code: 1,
      out: '',
      err:
        'readme-i18n: GitHub answered 401 to GET /repos/octo-org/octo-repo/releases for octo-org/octo-repo: ' +
        'the token is invalid or expired; pass a current one in GITHUB_TOKEN\n',
    });
  });

  it('refuses a report that is not translate --json output', async () => {
    await writeFile(join(cwd, 'report.jsonl'), '{"lang":"fr"}\n');
    const bad = await run(['release', '--tag', 'v1', '--report', 'report.jsonl']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      'readme-i18n: report.jsonl:1 is not a line of `readme-i18n translate --json` output (expected {"lang":"fr","units":40,"keptSource":0,...}); regenerate it with translate --json\n',
    );
  });
});
