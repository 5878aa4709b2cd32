import { ReadmeI18nError } from '../../errors.js';
import { readDeeplEnv } from '../../engines/deepl-options.js';
import { resolveTranslateOptions } from '../../pipeline/translate-options.js';
import { loadSettings } from '../load-settings.js';
import type { Settings } from '../merge.js';
import { checkApertium } from './apertium-check.js';
import { checkChromium } from './chromium-check.js';
import { note, ok, problem, type CheckResult } from './check.js';
import { checkDeepl } from './deepl-check.js';
import { checkFonts } from './fonts-check.js';
import { checkGettext } from './gettext-check.js';
import { checkNode } from './node-check.js';
import { checkOpenai } from './openai-check.js';

export interface DoctorOptions {
  readonly cwd: string;
  /** Target languages from `--lang`; else those of the configuration. */
  readonly langs?: readonly string[];
  /** The `engines.node` range of package.json, such as `>=20.19`. */
  readonly requiredNode: string;
  readonly nodeVersion?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** The model to check on the OpenAI-compatible server (`--model`); else the configuration's or `OPENAI_MODEL`. */
  readonly model?: string;
  /** Where Apertium's modes are (default: Debian's folder). */
  readonly apertiumModesDir?: string;
}

/** Every check, in the order printed. Never throws for what it finds: that is what it reports. */
export async function runDoctor(options: DoctorOptions): Promise<CheckResult[]> {
  const env = options.env ?? process.env;
  const results: CheckResult[] = [
    checkNode(options.nodeVersion ?? process.versions.node, options.requiredNode),
  ];
  const { result: configResult, settings } = await readSettings(options.cwd, options.langs, env);
  results.push(configResult);
  results.push(await checkChromium(env));
  results.push(await checkFonts(env));
  // The engine `translate` would pick: the one named, else DeepL with a key, else Apertium.
  const engine = settings.engine ?? (hasDeeplKey(env) ? 'deepl' : 'apertium');
  if ((settings.langs ?? []).length === 0) {
    results.push(
      note('Apertium', 'no target languages to check: pass --lang or set languages in the configuration', [
        'readme-i18n doctor --lang fr,es',
      ]),
    );
  } else {
    // The pipeline states the defaults (the source language) and canonicalises the codes.
    const { from, langs } = resolveTranslateOptions({ langs: settings.langs ?? [], from: settings.from });
    const pairs = await checkApertium({
      from,
      langs: langs.filter((lang) => lang !== from),
      required: engine === 'apertium',
      env,
      ...(options.apertiumModesDir === undefined ? {} : { modesDir: options.apertiumModesDir }),
    });
    results.push(...pairs);
  }
  results.push(await checkDeepl(engine === 'deepl', env));
  const openai = await checkOpenai(engine === 'openai', options.model ?? settings.model, env);
  if (openai !== undefined) results.push(openai);
  results.push(await checkGettext(env));
  return results;
}

async function readSettings(
  cwd: string,
  langs: readonly string[] | undefined,
  env: NodeJS.ProcessEnv,
): Promise<{ result: CheckResult; settings: Settings }> {
  const name = 'configuration';
  try {
    const { settings, file } = await loadSettings(cwd, langs === undefined ? {} : { langs }, env);
    const summary = `languages ${settings.langs?.join(', ') || 'none'}, engine ${settings.engine ?? 'not set'}`;
    return {
      result:
        file === undefined
          ? note(name, `no configuration file (${summary})`, [
              'readme-i18n init   # writes readme-i18n.config.yaml',
            ])
          : ok(name, `${file} (${summary})`),
      settings,
    };
  } catch (error) {
    if (!(error instanceof ReadmeI18nError)) throw error;
    return {
      result: problem(name, error.message, [
        'fix the file as the message says, then run readme-i18n doctor again',
      ]),
      settings: langs === undefined ? {} : { langs },
    };
  }
}

function hasDeeplKey(env: NodeJS.ProcessEnv): boolean {
  try {
    return readDeeplEnv(env) !== undefined;
  } catch {
    return true; // A key with a bad server address: the DeepL check explains.
  }
}
