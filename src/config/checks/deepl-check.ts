import { deeplEngineFromEnv } from '../../engines/deepl-from-env.js';
import { readDeeplEnv } from '../../engines/deepl-options.js';
import { EngineError, ReadmeI18nError } from '../../errors.js';
import { note, ok, problem, type CheckResult } from './check.js';

const name = 'DeepL';
const keyFix = 'export DEEPL_AUTH_KEY=<your key>   # from https://www.deepl.com/your-account/keys';

/**
 * The DeepL key, tried by asking for this period's usage (which bills nothing). Without a key this
 * is a problem only when DeepL is the engine. The key itself is never part of the result.
 */
export async function checkDeepl(
  required: boolean,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<CheckResult> {
  let found;
  try {
    found = readDeeplEnv(env);
  } catch (error) {
    if (!(error instanceof ReadmeI18nError)) throw error;
    return problem(name, error.message, ['unset DEEPL_SERVER_URL   # or set it to https://api.deepl.com']);
  }
  if (found === undefined) {
    return required
      ? problem(name, 'the engine is deepl but DEEPL_AUTH_KEY is not set', [keyFix])
      : note(name, 'DEEPL_AUTH_KEY is not set; Apertium translates instead');
  }
  // One quick retry at most: the doctor reports, it does not wait out an outage.
  const engine = deeplEngineFromEnv(env, { maxRetries: 1, initialBackoffMs: 500, requestTimeoutMs: 15_000 });
  if (engine === undefined) return problem(name, 'DEEPL_AUTH_KEY is empty', [keyFix]);
  try {
    const usage = await engine.getUsage();
    if (usage === undefined) return ok(name, 'key accepted (the plan reports no character limit)');
    const used = `${format(usage.characterCount)} of ${format(usage.characterLimit)} characters used this period`;
    if (usage.characterCount >= usage.characterLimit) {
      return problem(name, `key accepted, but the quota is used up: ${used}`, [
        'wait for the next billing period, or raise the limit at https://www.deepl.com/your-account/usage',
      ]);
    }
    return ok(name, `key accepted; ${used}`);
  } catch (error) {
    if (!(error instanceof ReadmeI18nError)) throw error;
    const retryable = error instanceof EngineError && error.retryable;
    return problem(
      name,
      error.message,
      retryable ? ['check the network and DEEPL_SERVER_URL, then run readme-i18n doctor again'] : [keyFix],
    );
  }
}

function format(count: number): string {
  return count.toLocaleString('en-US');
}
