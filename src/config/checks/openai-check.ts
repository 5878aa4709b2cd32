import { openaiEngineFromEnv } from '../../engines/openai-from-env.js';
import { readOpenaiEnv } from '../../engines/openai-options.js';
import { EngineError, ReadmeI18nError } from '../../errors.js';
import { note, ok, problem, type CheckResult } from './check.js';

const name = 'OpenAI-compatible server';

/**
 * The server at `OPENAI_BASE_URL` (or OpenAI's) and the model, tried by listing the models (`GET
 * /models`, which bills nothing). A problem only when `openai` is the engine; otherwise a note, or
 * nothing when no OpenAI variable is set. The key itself is never part of the result.
 */
export async function checkOpenai(
  required: boolean,
  model: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<CheckResult | undefined> {
  let found;
  try {
    found = readOpenaiEnv(env);
  } catch (error) {
    if (!(error instanceof ReadmeI18nError)) throw error;
    return problem(name, error.message, [
      'export OPENAI_BASE_URL=http://localhost:11434/v1   # Ollama, for example',
    ]);
  }
  if (!required && found.apiKey === undefined && found.baseUrl === undefined) return undefined;
  const chosen = model ?? found.model;
  const fail = required ? problem : note;
  let engine;
  try {
    engine = openaiEngineFromEnv(env, { model: chosen ?? 'none', timeoutMs: 15_000 });
  } catch (error) {
    if (!(error instanceof ReadmeI18nError)) throw error;
    return fail(name, error.message, [
      'export OPENAI_API_KEY=<your key>   # or OPENAI_BASE_URL=http://localhost:11434/v1 for Ollama',
    ]);
  }
  const where = found.baseUrl ?? 'https://api.openai.com/v1';
  let models: string[];
  try {
    models = await engine.listModels();
  } catch (error) {
    if (!(error instanceof ReadmeI18nError)) throw error;
    const retryable = error instanceof EngineError && error.retryable;
    return fail(name, error.message, [
      retryable
        ? 'start the server, or check OPENAI_BASE_URL, then run readme-i18n doctor again'
        : 'check OPENAI_API_KEY and OPENAI_BASE_URL',
    ]);
  }
  const offered = `${models.length} model${models.length === 1 ? '' : 's'}`;
  if (chosen === undefined) {
    return fail(name, `${where} answers with ${offered}, but no model is chosen`, [
      `readme-i18n translate --engine openai --model ${models[0] ?? '<model>'}   # or model: in the configuration, or OPENAI_MODEL`,
    ]);
  }
  if (!models.includes(chosen)) {
    const some = models.slice(0, 8).join(', ');
    return fail(
      name,
      `${where} does not offer the model ${chosen}; it offers ${some || 'none'}${models.length > 8 ? ', …' : ''}`,
      [`use one it offers: --model ${models[0] ?? '<model>'}   # with Ollama: ollama pull ${chosen}`],
    );
  }
  return ok(name, `${where} offers ${chosen} (${offered} in all)`);
}
