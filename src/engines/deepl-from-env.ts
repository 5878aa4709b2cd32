import { createDeeplEngine, type DeeplEngine } from './deepl.js';
import { readDeeplEnv } from './deepl-options.js';
import type { DeeplEngineOptions } from './deepl-options.js';

/**
 * The DeepL engine when `DEEPL_AUTH_KEY` is set, else undefined (the caller then tries Apertium).
 * `DEEPL_SERVER_URL` overrides the address; other options come from the configuration.
 */
export function deeplEngineFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: Omit<DeeplEngineOptions, 'authKey' | 'serverUrl'> = {},
): DeeplEngine | undefined {
  const found = readDeeplEnv(env);
  if (found === undefined) return undefined;
  return createDeeplEngine({ ...options, authKey: found.authKey, serverUrl: found.serverUrl });
}
