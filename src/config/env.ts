import { engineNames } from '../engines/engine-names.js';
import { UsageError } from '../errors.js';
import { parseLanguageList } from '../language-tag.js';
import type { Settings } from './merge.js';

/** The environment variables read as a layer of settings, between the file and the flags. */
export const settingsEnvNames = {
  langs: 'README_I18N_LANGUAGES',
  engine: 'README_I18N_ENGINE',
} as const;

/**
 * `README_I18N_LANGUAGES=fr,es` and `README_I18N_ENGINE=apertium` as a layer; unset or empty
 * variables set nothing. A bad value is a usage error naming the variable.
 */
export function settingsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): Settings {
  const langs = env[settingsEnvNames.langs]?.trim();
  const engine = env[settingsEnvNames.engine]?.trim();
  if (engine && !(engineNames as readonly string[]).includes(engine)) {
    throw new UsageError(
      `${settingsEnvNames.engine}='${engine}' is not an engine; expected one of ${engineNames.join(', ')}. ` +
        `Fix it or unset it: unset ${settingsEnvNames.engine}`,
    );
  }
  return {
    ...(langs ? { langs: parseLanguageList(langs, settingsEnvNames.langs) } : {}),
    ...(engine ? { engine } : {}),
  };
}
