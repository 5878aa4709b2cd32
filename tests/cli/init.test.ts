import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { configSchema } from '../../src/config/schema.js';
import { parseYamlText } from '../../src/config/parse-config-text.js';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { expectFile, fixturesRoot } from '../helpers/fixtures.js';

const fixtures = join(fixturesRoot, 'config-init');
const configFile = 'readme-i18n.config.yaml';
const workflowFile = join('.github', 'workflows', 'readme-i18n.yml');
/** No DeepL key from the environment of whoever runs the tests. */
const noKey = { DEEPL_AUTH_KEY: '' };
const bin = join(import.meta.dirname, '..', '..', 'bin', 'readme-i18n.js');
/** util-linux `script` gives the CLI a terminal, the only way `init` asks anything. */
const script = ['/usr/bin/script', '/bin/script'].find((file) => existsSync(file));
if (!script)
  console.warn('tests/cli/init.test.ts: no `script` program, so the question on a terminal is not tested');

/** Runs `init` on a pseudo-terminal, answers its one question, and resolves to what it printed. */
function initOnTerminal(cwd: string, answer: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      script ?? 'script',
      ['-q', '-e', '-c', `"${process.execPath}" "${bin}" init`, '/dev/null'],
      {
        cwd,
        env: { ...process.env, ...noKey, NO_COLOR: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: 60_000,
      },
    );
    let output = '';
    let answered = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (!answered && output.includes('Languages to translate into [es,ca]: ')) {
        answered = true;
        child.stdin.end(`${answer}\n`);
      }
    });
    child.on('close', (status) => resolve({ status, output }));
  });
}

function expectWritten(project: string, fixture: string): void {
  expectFile(
    join(fixtures, fixture, 'expected', configFile),
    readFileSync(join(project, configFile), 'utf8'),
  );
  expectFile(
    join(fixtures, fixture, 'expected', 'readme-i18n.yml'),
    readFileSync(join(project, workflowFile), 'utf8'),
  );
}

describe('readme-i18n init', () => {
  it('writes a commented configuration and a workflow, suggesting languages it cannot infer', async () => {
    const project = tempProject(join(fixtures, 'basic', 'project'));
    const result = await runCliHere('readme-i18n', ['init'], project, noKey);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        // Apertium is offered only with pairs installed: eng-spa and eng-cat, here as in CI.
        'wrote readme-i18n.config.yaml (source README.md, languages es, ca, engine apertium)',
        'wrote .github/workflows/readme-i18n.yml (runs on pushes to main that change README.md)',
        'languages es, ca are a suggestion: change them in readme-i18n.config.yaml',
        'the workflow opens a pull request: allow it in Settings > Actions > General > Workflow permissions > "Allow GitHub Actions to create and approve pull requests"',
        'pin the Action to a commit (a tag can be moved): run',
        "  git ls-remote https://github.com/readme-i18n/readme-i18n 'refs/tags/v1^{}' refs/tags/v1",
        'and in .github/workflows/readme-i18n.yml replace `readme-i18n/readme-i18n@v1` with `readme-i18n/readme-i18n@<the SHA it prints first> # v1`, or run `readme-i18n init --force --action readme-i18n/readme-i18n@<SHA>`',
        'next: npx readme-i18n doctor && npx readme-i18n translate',
        '',
      ].join('\n'),
    );
    expectWritten(project, 'basic');
    expect(await loadConfig(project)).toEqual({
      file: configFile,
      config: { sources: ['README.md'], languages: ['es', 'ca'], engine: 'apertium' },
    });
  });

  it('infers the README, the languages already in locales/, DeepL from the key, and the branch', async () => {
    const project = tempProject(join(fixtures, 'inferred', 'project'));
    // A folder named .git cannot be committed inside this repository: the checkout is made here.
    mkdirSync(join(project, '.git'));
    writeFileSync(join(project, '.git', 'HEAD'), 'ref: refs/heads/trunk\n');
    const result = await runCliHere('readme-i18n', ['init'], project, {
      DEEPL_AUTH_KEY: 'not-printed-key:fx',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        'wrote readme-i18n.config.yaml (source Readme.md, languages de, ja, engine deepl)',
        'wrote .github/workflows/readme-i18n.yml (runs on pushes to trunk that change Readme.md)',
        'add your DeepL key as the repository secret DEEPL_AUTH_KEY for the workflow',
        'the workflow opens a pull request: allow it in Settings > Actions > General > Workflow permissions > "Allow GitHub Actions to create and approve pull requests"',
        'pin the Action to a commit (a tag can be moved): run',
        "  git ls-remote https://github.com/readme-i18n/readme-i18n 'refs/tags/v1^{}' refs/tags/v1",
        'and in .github/workflows/readme-i18n.yml replace `readme-i18n/readme-i18n@v1` with `readme-i18n/readme-i18n@<the SHA it prints first> # v1`, or run `readme-i18n init --force --action readme-i18n/readme-i18n@<SHA>`',
        'next: npx readme-i18n doctor && npx readme-i18n translate',
        '',
      ].join('\n'),
    );
    expectWritten(project, 'inferred');
    for (const file of [configFile, workflowFile]) {
      expect(readFileSync(join(project, file), 'utf8')).not.toContain('not-printed-key');
    }
  });

  it.skipIf(!script)('asks for the languages when it runs on a terminal', async () => {
    const project = tempProject(join(fixtures, 'basic', 'project'));
    const result = await initOnTerminal(project, 'de, it');
    expect(result.status).toBe(0);
    expect(result.output).toContain('Languages to translate into [es,ca]: ');
    expect(result.output).toContain(
      'wrote readme-i18n.config.yaml (source README.md, languages de, it, engine apertium)',
    );
    expect((await loadConfig(project)).config.languages).toEqual(['de', 'it']);
  });

  it('takes --lang, checked and canonicalised', async () => {
    const project = tempProject(join(fixtures, 'basic', 'project'));
    const result = await runCliHere('readme-i18n', ['init', '--lang', 'pt_BR,fr'], project, noKey);
    expect(result.status).toBe(0);
    expect((await loadConfig(project)).config.languages).toEqual(['pt-BR', 'fr']);
    const bad = await runCliHere('readme-i18n', ['init', '--lang', 'frx', '--force'], project, noKey);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown language code 'frx' in --lang");
  });

  it('overwrites nothing without --force', async () => {
    const project = tempProject(join(fixtures, 'basic', 'project'));
    writeFileSync(join(project, configFile), 'languages: [de]\n');
    const result = await runCliHere('readme-i18n', ['init'], project, noKey);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'readme-i18n: readme-i18n.config.yaml already exists; init overwrites nothing. ' +
        'Edit it, or run `readme-i18n init --force` to replace it.\n',
    );
    expect(readFileSync(join(project, configFile), 'utf8')).toBe('languages: [de]\n');
    expect(existsSync(join(project, workflowFile))).toBe(false);

    const forced = await runCliHere('readme-i18n', ['init', '--force'], project, noKey);
    expect(forced.status).toBe(0);
    expectWritten(project, 'basic');
  });

  it('refuses an existing workflow file too', async () => {
    const project = tempProject(join(fixtures, 'basic', 'project'));
    expect((await runCliHere('readme-i18n', ['init'], project, noKey)).status).toBe(0);
    rmSync(join(project, configFile));
    const again = await runCliHere('readme-i18n', ['init'], project, noKey);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(
      'readme-i18n: .github/workflows/readme-i18n.yml already exists; init overwrites nothing. ' +
        'Edit it, or run `readme-i18n init --force` to replace it.\n',
    );
    expect(existsSync(join(project, configFile))).toBe(false);
  });

  it.each([
    ['readme-i18n.config.json', '{}', 'readme-i18n.config.json'],
    ['package.json', '{ "name": "x", "readme-i18n": {} }', 'package.json ("readme-i18n" key)'],
  ])('will not add a second configuration beside %s', async (file, content, named) => {
    const project = tempProject(join(fixtures, 'basic', 'project'));
    writeFileSync(join(project, file), content);
    const result = await runCliHere('readme-i18n', ['init', '--force'], project, noKey);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `readme-i18n: ${named} already configures readme-i18n; init would add a second configuration. ` +
        'Edit that one, or delete it and run `readme-i18n init` again.\n',
    );
    expect(existsSync(join(project, configFile))).toBe(false);
  });

  it('writes only valid examples: every commented-out key, uncommented, passes the schema', () => {
    const written = readFileSync(join(fixtures, 'basic', 'expected', configFile), 'utf8');
    // An example is `# key: value` or an indented line under one; explanations never look like that.
    const uncommented = written
      .split('\n')
      .map((line) => line.replace(/^# (?=[A-Za-z]+:| {2})/, ''))
      .join('\n');
    const data = parseYamlText(uncommented, configFile);
    const result = configSchema.safeParse(data);
    expect(result.error?.issues).toBeUndefined();
    expect(Object.keys(data as object).sort()).toEqual(Object.keys(configSchema.shape).sort());
  });
});
