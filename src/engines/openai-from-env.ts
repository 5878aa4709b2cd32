import { createOpenaiEngine, type OpenaiEngine } from './openai.js';
import { readOpenaiEnv, type OpenaiEngineOptions } from './openai-options.js';

/**
 * The OpenAI engine with `OPENAI_API_KEY` and `OPENAI_BASE_URL` from the environment; the model from
 * the options (`--model`, the configuration) or else `OPENAI_MODEL`. Never chosen without being named.
 */
export function openaiEngineFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: Omit<OpenaiEngineOptions, 'apiKey' | 'baseUrl' | 'model'> & {
    readonly model?: string | undefined;
  } = {},
): OpenaiEngine {
  const found = readOpenaiEnv(env);
  return createOpenaiEngine({
    ...options,
    apiKey: found.apiKey,
    baseUrl: found.baseUrl,
    model: options.model ?? found.model,
  });
}
