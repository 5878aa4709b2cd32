import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCliHere, tempProject, type CliResult } from '../helpers/cli.js';

const readme = '# Hello\n\nSome text to translate, with ![a logo](images/logo.png).\n';
const secret = 'SECRET-TOKEN-0123456789\n';
const folders: string[] = [];

/** A project with a README and an image, and a folder beside it holding a secret. */
function setUp(): { project: string; outside: string } {
  const project = tempProject();
  const outside = tempProject();
  folders.push(project, outside);
  writeFileSync(join(project, 'README.md'), readme);
  mkdirSync(join(project, 'images'));
  writeFileSync(join(project, 'images/logo.png'), 'PNG');
  writeFileSync(join(outside, 'secret.txt'), secret);
  return { project, outside };
}

afterEach(() => {
  vi.unstubAllEnvs();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Every entry of a folder, its kind and its bytes (or a link's target): what "unchanged" compares. */
function snapshot(folder: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const name of readdirSync(join(folder, relative)).sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const info = lstatSync(join(folder, path));
      if (info.isSymbolicLink()) entries[path] = `link → ${readlinkSync(join(folder, path))}`;
      else if (info.isDirectory()) {
        entries[path] = 'folder';
        walk(path);
      } else if (info.isFIFO()) entries[path] = 'fifo';
      else entries[path] = readFileSync(join(folder, path), 'utf8');
    }
  };
  walk('');
  return entries;
}

const translate = (project: string, ...args: string[]): Promise<CliResult> =>
  runCliHere('readme-i18n', ['translate', '--lang', 'fr', '--engine', 'pseudo', ...args], project);

/** Runs `run` and expects exit 2 with `message`, the project and the outside folder left as they were. */
async function expectRefused(
  folders: { project: string; outside: string },
  run: () => Promise<CliResult>,
  message: string,
): Promise<void> {
  const before = [snapshot(folders.project), snapshot(folders.outside)];
  const result = await run();
  expect(result.stderr).toBe(`readme-i18n: ${message}\n`);
  expect(result.stdout).toBe('');
  expect(result.status).toBe(2);
  expect([snapshot(folders.project), snapshot(folders.outside)]).toEqual(before);
}

describe('nothing outside the repository is read or written', () => {
  it('refuses a translation linked to a file outside, instead of harvesting it', async () => {
    const paths = setUp();
    mkdirSync(join(paths.project, 'locales'));
    symlinkSync(join(paths.outside, 'secret.txt'), join(paths.project, 'locales/README.fr.md'));
    await expectRefused(
      paths,
      () => translate(paths.project),
      `--out (out: in the configuration) names locales/README.fr.md, which resolves to ${join(paths.outside, 'secret.txt')}, ` +
        `outside the repository ${paths.project}; pass --allow-outside-repo if you really mean a path outside the repository`,
    );
    const check = await runCliHere('readme-i18n', ['check', '--lang', 'fr'], paths.project);
    expect(check.status).toBe(2);
    expect(check.stderr).toContain(
      '--out (out: in the configuration) names locales/README.fr.md, which resolves to',
    );
  });

  it('refuses a translation linked to /proc/self/environ even with --allow-outside-repo', async () => {
    const paths = setUp();
    mkdirSync(join(paths.project, 'locales'));
    symlinkSync('/proc/self/environ', join(paths.project, 'locales/README.fr.md'));
    const before = snapshot(paths.project);
    const result = await translate(paths.project, '--allow-outside-repo');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^readme-i18n: --out \(out: in the configuration\) names locales\/README\.fr\.md, which resolves to \/proc\/\d+\/environ, a special file of the system; name a file of the repository\n$/,
    );
    expect(snapshot(paths.project)).toEqual(before);
  });

  it('refuses a source linked outside, and reads nothing', async () => {
    const paths = setUp();
    rmSync(join(paths.project, 'README.md'));
    symlinkSync(join(paths.outside, 'secret.txt'), join(paths.project, 'README.md'));
    await expectRefused(
      paths,
      () => translate(paths.project),
      `--source (sources: in the configuration) names README.md, which resolves to ${join(paths.outside, 'secret.txt')}, ` +
        `outside the repository ${paths.project}; pass --allow-outside-repo if you really mean a path outside the repository`,
    );
  });

  it('refuses a locales/ folder linked outside, and writes nothing there', async () => {
    const paths = setUp();
    symlinkSync(paths.outside, join(paths.project, 'locales'));
    await expectRefused(
      paths,
      () => translate(paths.project),
      `--memory (memory: in the configuration) names locales/fr.po, which resolves to ${join(paths.outside, 'fr.po')}, ` +
        `outside the repository ${paths.project}; pass --allow-outside-repo if you really mean a path outside the repository`,
    );
  });

  it.each([
    ['--out', ['--out', '../escape/{lang}.md'], '../escape/fr.md'],
    ['--out', ['--out', '/tmp/readme-i18n-escape/{lang}.md'], '/tmp/readme-i18n-escape/fr.md'],
    ['--memory', ['--memory', '../escape/{lang}.po'], '../escape/fr.po'],
    ['--source', ['--source', '../../../../../../etc/passwd'], '../../../../../../etc/passwd'],
  ])('refuses %s outside the repository: %j', async (setting, args, named) => {
    const paths = setUp();
    const label = { '--out': 'out', '--memory': 'memory', '--source': 'sources' }[setting];
    await expectRefused(
      paths,
      () => translate(paths.project, ...args),
      `${setting} (${label}: in the configuration) names ${named}, outside the repository ${paths.project}; ` +
        'pass --allow-outside-repo if you really mean a path outside the repository',
    );
  });

  it('refuses the same paths from the configuration file', async () => {
    const paths = setUp();
    writeFileSync(
      join(paths.project, 'readme-i18n.config.yaml'),
      `languages: [fr]\nengine: pseudo\nout: '${join(paths.outside, '{lang}.md')}'\n`,
    );
    await expectRefused(
      paths,
      () => runCliHere('readme-i18n', ['translate'], paths.project),
      `--out (out: in the configuration) names ${join(paths.outside, 'fr.md')}, outside the repository ${paths.project}; ` +
        'pass --allow-outside-repo if you really mean a path outside the repository',
    );
  });

  it('writes outside the repository with --allow-outside-repo, for people who mean it', async () => {
    const paths = setUp();
    const result = await translate(
      paths.project,
      '--out',
      join(paths.outside, '{lang}.md'),
      '--allow-outside-repo',
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(join(paths.outside, 'fr.md'), 'utf8')).toContain('Šóɱé ţéẋţ');
  });

  it('refuses an output that is the memory or the source', async () => {
    const paths = setUp();
    await expectRefused(
      paths,
      () => translate(paths.project, '--out', 'locales/{lang}.po'),
      "--out (out: in the configuration) names locales/fr.po, the same file as --memory (memory: in the configuration); each must be a file of its own, for example --out '{dir}/locales/{name}.{lang}.md' and --memory 'locales/{lang}.po'",
    );
    writeFileSync(join(paths.project, 'fr.md'), readme);
    await expectRefused(
      paths,
      () =>
        runCliHere(
          'readme-i18n',
          ['translate', '--source', 'fr.md', '--lang', 'fr', '--out', '{lang}.md'],
          paths.project,
        ),
      "--out (out: in the configuration) names fr.md, the same file as --source (sources: in the configuration); each must be a file of its own, for example --out '{dir}/locales/{name}.{lang}.md' and --memory 'locales/{lang}.po'",
    );
    await expectRefused(
      paths,
      () =>
        runCliHere(
          'readme-i18n',
          ['translate', '--source', 'fr.md', '--lang', 'fr', '--memory', '{lang}.md'],
          paths.project,
        ),
      "--memory (memory: in the configuration) names fr.md, the same file as --source (sources: in the configuration); each must be a file of its own, for example --out '{dir}/locales/{name}.{lang}.md' and --memory 'locales/{lang}.po'",
    );
  });

  it('refuses a FIFO or a device as a source, without blocking on it', async () => {
    const paths = setUp();
    rmSync(join(paths.project, 'README.md'));
    execFileSync('mkfifo', [join(paths.project, 'README.md')]);
    await expectRefused(
      paths,
      () => translate(paths.project),
      '--source (sources: in the configuration) names README.md, which is a special file, not a file',
    );
    await expectRefused(
      paths,
      () => translate(paths.project, '--source', '/dev/zero', '--allow-outside-repo'),
      '--source (sources: in the configuration) names /dev/zero, a special file of the system; name a file of the repository',
    );
  });

  it('refuses a source with NUL bytes, naming the file and the offset', async () => {
    const paths = setUp();
    writeFileSync(join(paths.project, 'README.md'), '# Hello\n\nA\u0000B\n');
    await expectRefused(
      paths,
      () => translate(paths.project),
      `${join(paths.project, 'README.md')} is not text: byte 10 (line 3) is a NUL (0x00); pass a Markdown file with --source`,
    );
    writeFileSync(join(paths.project, 'README.md'), Buffer.from('# Hello\n\nSome text.\n', 'utf16le'));
    await expectRefused(
      paths,
      () => translate(paths.project),
      `${join(paths.project, 'README.md')} is not text: byte 1 (line 1) is a NUL (0x00); it looks like UTF-16LE without a byte order mark: convert it with \`iconv -f utf-16le -t utf-8\``,
    );
  });
});

describe('render and release stay inside the repository too', () => {
  it('refuses an image linked outside, and writes no page', async () => {
    const paths = setUp();
    rmSync(join(paths.project, 'images/logo.png'));
    symlinkSync(join(paths.outside, 'secret.txt'), join(paths.project, 'images/logo.png'));
    await expectRefused(
      paths,
      () => runCliHere('readme-i18n', ['render', '--html'], paths.project),
      `an image of README.md names images/logo.png, which resolves to ${join(paths.outside, 'secret.txt')}, ` +
        `outside the repository ${paths.project}; pass --allow-outside-repo if you really mean a path outside the repository`,
    );
  });

  it('refuses a translation or a site folder linked outside', async () => {
    const paths = setUp();
    mkdirSync(join(paths.project, 'locales'));
    symlinkSync(join(paths.outside, 'secret.txt'), join(paths.project, 'locales/README.fr.md'));
    await expectRefused(
      paths,
      () => runCliHere('readme-i18n', ['render', '--html', '--lang', 'fr'], paths.project),
      `--pattern (out: in the configuration) names locales/README.fr.md, which resolves to ${join(paths.outside, 'secret.txt')}, ` +
        `outside the repository ${paths.project}; pass --allow-outside-repo if you really mean a path outside the repository`,
    );
    rmSync(join(paths.project, 'locales'), { recursive: true });
    symlinkSync(paths.outside, join(paths.project, 'docs'));
    await expectRefused(
      paths,
      () => runCliHere('readme-i18n', ['render', '--html'], paths.project),
      `--out (render.out: in the configuration) names docs, which resolves to ${paths.outside}, ` +
        `outside the repository ${paths.project}; pass --allow-outside-repo if you really mean a path outside the repository`,
    );
  });

  it('refuses a PDF linked outside before any request', async () => {
    const paths = setUp();
    mkdirSync(join(paths.project, 'docs/pdf'), { recursive: true });
    symlinkSync(join(paths.outside, 'secret.txt'), join(paths.project, 'docs/pdf/README.fr.pdf'));
    // Nothing listens on port 9: a request made would fail with another message.
    vi.stubEnv('GITHUB_TOKEN', 'ghs_test');
    vi.stubEnv('GITHUB_REPOSITORY', 'octo-org/octo-repo');
    vi.stubEnv('GITHUB_API_URL', 'http://127.0.0.1:9');
    await expectRefused(
      paths,
      () => runCliHere('readme-i18n', ['release', '--tag', 'v1'], paths.project),
      `--assets (release.assets: in the configuration) names docs/pdf/README.fr.pdf, which resolves to ${join(paths.outside, 'secret.txt')}, ` +
        `outside the repository ${paths.project}; pass --allow-outside-repo if you really mean a path outside the repository`,
    );
  });
});
