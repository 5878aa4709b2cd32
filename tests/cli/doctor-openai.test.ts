import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliHere, tempProject, type CliResult } from '../helpers/cli.js';
import { startOpenaiServer, type OpenaiServer } from '../servers/openai-server.js';

const apiKey = 'sk-doctor-3e9a7c1b5d20';
/** No key, no server and no overrides from the environment of whoever runs the tests. */
const clean = {
  DEEPL_AUTH_KEY: '',
  DEEPL_SERVER_URL: '',
  README_I18N_LANGUAGES: '',
  README_I18N_ENGINE: '',
  OPENAI_API_KEY: '',
  OPENAI_BASE_URL: '',
  OPENAI_MODEL: '',
};

let server: OpenaiServer;
beforeAll(async () => {
  server = await startOpenaiServer({ apiKey, models: ['test-model', 'other-model'] });
});
afterAll(async () => {
  await server.close();
});

/** Doctor in a project whose configuration names the openai engine. */
function doctor(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const project = tempProject();
  writeFileSync(join(project, 'readme-i18n.config.yaml'), 'languages: [fr]\nengine: openai\n');
  return runCliHere('readme-i18n', ['doctor', '--json', ...args], project, { ...clean, ...env });
}

function openaiCheck(result: CliResult): unknown {
  const report = JSON.parse(result.stdout) as { checks: Array<{ name: string }> };
  return report.checks.find((check) => check.name === 'OpenAI-compatible server');
}

describe('readme-i18n doctor with the openai engine', () => {
  it('finds the model on the server (GET /models), never printing the key', async () => {
    const result = await doctor(['--model', 'test-model'], {
      OPENAI_API_KEY: apiKey,
      OPENAI_BASE_URL: server.url,
    });
    expect(openaiCheck(result)).toEqual({
      name: 'OpenAI-compatible server',
      status: 'ok',
      detail: `${server.url} offers test-model (2 models in all)`,
      fixes: [],
    });
    expect(result.stdout + result.stderr).not.toContain(apiKey);
  });

  it('reports a model the server does not offer, with the ones it does', async () => {
    const result = await doctor([], {
      OPENAI_API_KEY: apiKey,
      OPENAI_BASE_URL: server.url,
      OPENAI_MODEL: 'gpt-9',
    });
    expect(result.status).toBe(1);
    expect(openaiCheck(result)).toEqual({
      name: 'OpenAI-compatible server',
      status: 'problem',
      detail: `${server.url} does not offer the model gpt-9; it offers test-model, other-model`,
      fixes: ['use one it offers: --model test-model   # with Ollama: ollama pull gpt-9'],
    });
  });

  it('reports a refused key and a server nobody answers at', async () => {
    const refused = await doctor(['--model', 'test-model'], {
      OPENAI_API_KEY: 'sk-wrong',
      OPENAI_BASE_URL: server.url,
    });
    expect(openaiCheck(refused)).toMatchObject({
      status: 'problem',
      detail: `the OpenAI-compatible server at ${server.url} refused the key while listing its models (GET /models) (HTTP 401). Check OPENAI_API_KEY.`,
    });
    expect(refused.stdout).not.toContain('sk-wrong');
    const nobody = await doctor(['--model', 'test-model'], { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(openaiCheck(nobody)).toMatchObject({ status: 'problem' });
    expect((openaiCheck(nobody) as { detail: string }).detail).toMatch(
      /^could not reach the OpenAI-compatible server at http:\/\/127\.0\.0\.1:9\/v1 while listing its models/,
    );
  });

  it('says nothing of OpenAI when it is not the engine and no OPENAI_ variable is set', async () => {
    const project = tempProject();
    const result = await runCliHere('readme-i18n', ['doctor', '--json', '--lang', 'fr'], project, clean);
    expect(openaiCheck(result)).toBeUndefined();
  });
});
