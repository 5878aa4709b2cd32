import { settingsFromEnv } from './env.js';
import { loadConfig } from './load-config.js';
import { mergeLayers, settingsFromConfig, type Settings } from './merge.js';

/**
 * The settings of a run in `cwd`: the configuration file, then the environment, then `flags` (only
 * the keys the user gave; undefined ones are skipped). Defaults are left to the pipeline.
 */
export async function loadSettings(
  cwd: string,
  flags: Settings = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<{ readonly settings: Settings; readonly file: string | undefined }> {
  const { config, file } = await loadConfig(cwd);
  return { settings: mergeLayers(settingsFromConfig(config), settingsFromEnv(env), flags), file };
}
