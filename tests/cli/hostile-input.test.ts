import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { request } from '@octokit/request';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainRequestError } from '../../src/publish/explain-request-error.js';
import { runCliHere, tempProject } from '../helpers/cli.js';
import { startDeeplServer } from '../servers/deepl-server.js';

const folders: string[] = [];

function project(files: Record<string, string>): string {
  const folder = tempProject();
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

afterEach(() => {
  vi.unstubAllEnvs();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Nine aliases of nine aliases, seven deep: 4.7 million strings once expanded. */
const aliasBomb = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...'bcdefg'.split('').map((name, index) => {
    const previous = 'abcdefg'[index] as string;
    return `${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(', ')}]`;
  }),
  'languages: [fr]',
  '',
].join('\n');

describe('hostile configuration and arguments', () => {
  it('refuses a YAML alias bomb with exit 2 and no stack trace', async () => {
    const folder = project({ 'README.md': '# Hi\n', 'readme-i18n.config.yaml': aliasBomb });
    const result = await runCliHere('readme-i18n', ['translate', '--engine', 'identity'], folder);
    expect(result).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'readme-i18n: readme-i18n.config.yaml: not a usable configuration: its aliases (*name) expand to too much ' +
        '(Excessive alias count indicates a resource exhaustion attack); write the values out instead of repeating aliases\n',
    });
    expect(readdirSync(folder).sort()).toEqual(['README.md', 'readme-i18n.config.yaml']);
  });

  it('escapes control characters from the configuration and the command line', async () => {
    const folder = project({
      'README.md': '# Hi\n',
      'readme-i18n.config.yaml': 'languages: [fr]\nout: "x\\e]0;owned\\a\\e[2J{name}.md"\n',
    });
    const fromFile = await runCliHere('readme-i18n', ['translate', '--engine', 'identity'], folder);
    expect(fromFile.status).toBe(2);
    expect(fromFile.stderr).toBe(
      "readme-i18n: readme-i18n.config.yaml: out: 'x\\x1b]0;owned\\x07\\x1b[2J{name}.md' does not contain {lang}; expected a path pattern such as locales/README.{lang}.md\n",
    );
    const plain = project({ 'README.md': '# Hi\n' });
    const fromFlag = await runCliHere(
      'readme-i18n',
      ['translate', '--lang', 'fr', '--engine', '\u001b[31mred\u009b'],
      plain,
    );
    expect(fromFlag.stderr).toBe(
      "readme-i18n: unknown engine '\\x1b[31mred\\x9b' in --engine; choose one of: deepl, openai, apertium, pseudo, identity\n",
    );
    const unknownFlag = await runCliHere('readme-i18n', ['translate', '--\u001b[2Jx'], plain);
    expect(unknownFlag.status).toBe(2);
    expect(unknownFlag.stderr).not.toContain('\u001b');
    expect(unknownFlag.stderr).toContain("unknown option '--\\x1b[2Jx'");
  });

  it('cuts a megabyte language code in the message', async () => {
    const folder = project({ 'README.md': '# Hi\n' });
    const code = 'x'.repeat(1_048_576);
    const result = await runCliHere(
      'readme-i18n',
      ['translate', '--engine', 'identity', '--lang', code],
      folder,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `readme-i18n: unknown language code '${'x'.repeat(40)}…' in --lang: did you mean 'gv'? ` +
        `"${'x'.repeat(40)}…" is not a valid language tag. Use BCP 47 tags such as fr, pt-BR, zh-Hans or ast.\n`,
    );
  });
});

describe('faults', () => {
  it('writes no memory when DeepL refuses the first request', async () => {
    const server = await startDeeplServer({ authKey: 'the-right-key' });
    try {
      const folder = project({ 'README.md': '# Hello\n\nSome text.\n' });
      vi.stubEnv('DEEPL_AUTH_KEY', 'a-wrong-key:fx');
      vi.stubEnv('DEEPL_SERVER_URL', server.url);
      const result = await runCliHere(
        'readme-i18n',
        ['translate', '--lang', 'fr', '--engine', 'deepl'],
        folder,
      );
      expect(result.status).toBe(1);
      expect(result.stderr).not.toContain('a-wrong-key');
      // The project is as it was: not even the folder the lock of the memory needed is left.
      expect(readdirSync(folder).sort()).toEqual(['README.md']);
    } finally {
      await server.close();
    }
  });

  it('says the connection failed, with the host, instead of "GitHub answered 500"', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const failure = await request('GET /repos/{owner}/{repo}/releases', {
      baseUrl: `http://127.0.0.1:${port}`,
      owner: 'octo-org',
      repo: 'octo-repo',
    }).catch((error: unknown) => error);
    const explained = explainRequestError(failure, 'octo-org/octo-repo') as Error;
    expect(explained.message).toBe(
      `the connection to GitHub failed (ECONNREFUSED) at 127.0.0.1:${port} (GET /repos/octo-org/octo-repo/releases ` +
        "for octo-org/octo-repo), after retries: check the runner's network and https://www.githubstatus.com, then run again; " +
        'nothing half-done is left that the next run does not clean up',
    );
  });

  it('reports a Mermaid syntax error with the file and line, not "no Chromium"', async () => {
    const folder = project({
      'README.md':
        '# Diagrams\n\n```mermaid\ngraph TD\n  A --> B\n```\n\n```mermaid\ngraph TD\n  A -- > B[oops\n```\n',
    });
    const result = await runCliHere('readme-i18n', ['render', '--html'], folder);
    expect(result).toEqual({
      status: 0,
      stdout: 'en: docs/index.html\n',
      stderr:
        "  README.md:8: Mermaid diagram left as source: Parse error: Expecting 'LINK', 'UNICODE_TEXT', 'EDGE_TEXT', got '1'; " +
        'fix its syntax (https://mermaid.live shows it)\n',
    });
    expect(readdirSync(join(folder, 'docs/assets/diagrams'))).toHaveLength(1);
  });
});
