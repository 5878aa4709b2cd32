import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliHere, tempProject, type CliResult } from '../helpers/cli.js';
import { startDeeplServer, type DeeplServer } from '../servers/deepl-server.js';
import { tempDir } from '../helpers/temp-dir.js';

/** No key, no server and no overrides from the environment of whoever runs the tests. */
const clean = {
  DEEPL_AUTH_KEY: '',
  DEEPL_SERVER_URL: '',
  PUPPETEER_EXECUTABLE_PATH: '',
  CHROME_BIN: '',
  README_I18N_LANGUAGES: '',
  README_I18N_ENGINE: '',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  OPENAI_MODEL: '',
};

const key = 'doctor-test-key-5f2c9a:fx';

function doctor(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  cwd = tempProject(),
): Promise<CliResult> {
  return runCliHere('readme-i18n', ['doctor', ...args], cwd, { ...clean, ...env });
}

/** The lines about one check (its status line and its fix lines). */
function linesOf(stdout: string, name: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.slice(9).startsWith(`${name}: `));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && !line.startsWith(' '));
  return lines.slice(start, end);
}

describe('readme-i18n doctor', () => {
  let server: DeeplServer;
  beforeAll(async () => {
    server = await startDeeplServer({ authKey: key, characterLimit: 500_000 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('reports every check ok for a language with an installed pair, and exits 0', async () => {
    const result = await doctor(['--lang', 'es']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^ok {7}Node\.js: \d+\.\d+\.\d+ \(needs >=20\.19\)$/);
    expect(linesOf(result.stdout, 'Chromium')).toEqual([
      expect.stringMatching(/^ok {7}Chromium: \/\S+ \(.+\)$/),
    ]);
    expect(linesOf(result.stdout, 'fonts')).toEqual([
      'ok       fonts: Noto Sans CJK (Chinese, Japanese, Korean), Noto Sans Arabic, Noto Color Emoji',
    ]);
    expect(linesOf(result.stdout, 'Apertium en → es')).toEqual([
      'ok       Apertium en → es: direction eng-spa',
    ]);
    expect(linesOf(result.stdout, 'DeepL')).toEqual([
      'note     DeepL: DEEPL_AUTH_KEY is not set; Apertium translates instead',
    ]);
    expect(linesOf(result.stdout, 'gettext')).toEqual([
      expect.stringMatching(/^ok {7}gettext: \/\S+\/msgfmt \(msgfmt \(GNU gettext-tools\) [\d.]+\)$/),
    ]);
    expect(lines.at(-2)).toBe('no problems found');
  });

  it('reports a missing Chromium with the line that installs it', async () => {
    const result = await doctor(['--lang', 'es'], { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' });
    expect(result.status).toBe(1);
    expect(linesOf(result.stdout, 'Chromium')).toEqual([
      'problem  Chromium: PUPPETEER_EXECUTABLE_PATH is /nonexistent/chromium, which is not an executable',
      '         fix: sudo apt-get install chromium',
      '         or:  unset PUPPETEER_EXECUTABLE_PATH   # or point it at a Chrome or Chromium binary',
    ]);
    expect(result.stdout.split('\n').at(-2)).toBe(
      '1 problem: run the fix lines above, then readme-i18n doctor again',
    );
    // CHROME_BIN named when it is the one that chose the path.
    const fromChromeBin = await doctor(['--lang', 'es'], { CHROME_BIN: '/nonexistent/chrome-bin' });
    expect(linesOf(fromChromeBin.stdout, 'Chromium')).toEqual([
      'problem  Chromium: CHROME_BIN is /nonexistent/chrome-bin, which is not an executable',
      '         fix: sudo apt-get install chromium',
      '         or:  unset CHROME_BIN   # or point it at a Chrome or Chromium binary',
    ]);
  });

  it('reports a missing Apertium pair with the Debian package, or DeepL when Debian has none', async () => {
    const result = await doctor(['--lang', 'fr,gl,es']);
    expect(result.status).toBe(1);
    expect(linesOf(result.stdout, 'Apertium en → fr')).toEqual([
      'problem  Apertium en → fr: direction eng-fra is not installed; ' +
        'Debian packages no en–fr pair that readme-i18n knows of',
      '         fix: export DEEPL_AUTH_KEY=<your key>   # translate with DeepL instead (https://www.deepl.com/your-account/keys)',
      "         or:  sudo apt-get install apertium-eng-fra   # if your distribution packages it: apt-cache search '^apertium-'",
    ]);
    expect(linesOf(result.stdout, 'Apertium en → gl')).toEqual([
      'problem  Apertium en → gl: direction eng-glg is not installed',
      '         fix: sudo apt-get install apertium-en-gl',
    ]);
    expect(linesOf(result.stdout, 'Apertium en → es')).toEqual([
      'ok       Apertium en → es: direction eng-spa',
    ]);
  });

  it('takes the languages and engine from the configuration; with DeepL as engine a missing pair is a note', async () => {
    const project = tempProject();
    writeFileSync(join(project, 'readme-i18n.config.yaml'), 'languages: [gl]\nengine: deepl\n');
    const result = await doctor([], {}, project);
    expect(result.status).toBe(1);
    expect(linesOf(result.stdout, 'configuration')).toEqual([
      'ok       configuration: readme-i18n.config.yaml (languages gl, engine deepl)',
    ]);
    expect(linesOf(result.stdout, 'Apertium en → gl')).toEqual([
      'note     Apertium en → gl: direction eng-glg is not installed',
      '         try: sudo apt-get install apertium-en-gl',
    ]);
    expect(linesOf(result.stdout, 'DeepL')).toEqual([
      'problem  DeepL: the engine is deepl but DEEPL_AUTH_KEY is not set',
      '         fix: export DEEPL_AUTH_KEY=<your key>   # from https://www.deepl.com/your-account/keys',
    ]);
  });

  it('reports a configuration error as a problem and goes on with the other checks', async () => {
    const project = tempProject();
    writeFileSync(join(project, 'readme-i18n.config.json'), '{ "languages": ["frx"] }');
    const result = await doctor(['--lang', 'es'], {}, project);
    expect(result.status).toBe(1);
    expect(linesOf(result.stdout, 'configuration')).toEqual([
      "problem  configuration: readme-i18n.config.json: languages[0]: 'frx' is not a language code; " +
        'expected BCP 47 tags such as fr, pt-BR, ast',
      '         fix: fix the file as the message says, then run readme-i18n doctor again',
    ]);
    expect(linesOf(result.stdout, 'Apertium en → es')).toEqual([
      'ok       Apertium en → es: direction eng-spa',
    ]);
  });

  it('asks DeepL for the usage and reports it, never printing the key', async () => {
    const before = server.requests.length;
    const result = await doctor(['--lang', 'es'], { DEEPL_AUTH_KEY: key, DEEPL_SERVER_URL: server.url });
    expect(result.status).toBe(0);
    expect(linesOf(result.stdout, 'DeepL')).toEqual([
      'ok       DeepL: key accepted; 0 of 500,000 characters used this period',
    ]);
    expect(server.requests.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /v2/usage',
    ]);
    expect(result.stdout + result.stderr).not.toContain(key);
  });

  it('reports a key DeepL refuses, with the fix, never printing the key', async () => {
    const wrong = 'wrong-key-never-printed-81d3:fx';
    const result = await doctor(['--lang', 'es', '--json'], {
      DEEPL_AUTH_KEY: wrong,
      DEEPL_SERVER_URL: server.url,
    });
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).not.toContain(wrong);
    const report = JSON.parse(result.stdout) as { ok: boolean; checks: { name: string }[] };
    expect(report.ok).toBe(false);
    expect(report.checks.find((check) => check.name === 'DeepL')).toEqual({
      name: 'DeepL',
      status: 'problem',
      detail:
        'DeepL refused the key while reading the usage of this billing period (HTTP 403). Check DEEPL_AUTH_KEY; ' +
        'a free-plan key ends in ":fx" and is sent to api-free.deepl.com unless DEEPL_SERVER_URL says otherwise.',
      fixes: ['export DEEPL_AUTH_KEY=<your key>   # from https://www.deepl.com/your-account/keys'],
    });
    expect(report.checks.map((check) => check.name)).toEqual([
      'Node.js',
      'configuration',
      'Chromium',
      'fonts',
      'Apertium en → es',
      'DeepL',
      'gettext',
    ]);
  });

  it('reports programs missing from PATH with the packages that install them', async () => {
    const emptyPath = tempDir('readme-i18n-path-');
    const result = await doctor(['--lang', 'es'], { PATH: emptyPath });
    expect(result.status).toBe(1);
    expect(linesOf(result.stdout, 'Apertium')).toEqual([
      'problem  Apertium: the apertium program is not installed',
      '         fix: sudo apt-get install apertium',
    ]);
    expect(linesOf(result.stdout, 'fonts')).toEqual([
      'problem  fonts: fontconfig (fc-list) is not installed, so no font can be found',
      '         fix: sudo apt-get install fontconfig fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji',
    ]);
    expect(linesOf(result.stdout, 'gettext')).toEqual([
      'problem  gettext: msgfmt is not installed; `readme-i18n check` needs it to validate PO files',
      '         fix: sudo apt-get install gettext',
    ]);
  });
});
