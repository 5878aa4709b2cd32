import {
  apertiumCannotWrite,
  listApertiumDirections,
  findDirection,
} from '../../engines/apertium-directions.js';
import { candidateDirections, debianPackageFor } from '../../engines/apertium-languages.js';
import { note, ok, problem, type CheckResult } from './check.js';
import { findExecutable } from './find-executable.js';

export interface ApertiumCheckOptions {
  readonly from: string;
  readonly langs: readonly string[];
  /** Whether Apertium is the engine: a missing pair is then a problem, else only a note. */
  readonly required: boolean;
  readonly modesDir?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The `apertium` program, then one finding per target language: its direction, or the package. */
export async function checkApertium(options: ApertiumCheckOptions): Promise<CheckResult[]> {
  const report = options.required ? problem : note;
  const results: CheckResult[] = [];
  const program = findExecutable('apertium', options.env);
  if (program === undefined) {
    results.push(
      report('Apertium', 'the apertium program is not installed', ['sudo apt-get install apertium']),
    );
  }
  const installed = await listApertiumDirections(options.modesDir);
  for (const lang of options.langs) {
    const name = `Apertium ${options.from} → ${lang}`;
    const direction = findDirection(options.from, lang, installed, options.modesDir);
    if (direction !== undefined) {
      results.push(ok(name, `direction ${direction.name}`));
      continue;
    }
    const cannot = apertiumCannotWrite(options.from, lang);
    if (cannot !== undefined) {
      results.push(report(name, cannot.reason, [cannot.fix]));
      continue;
    }
    const wanted = candidateDirections(options.from, lang)[0] ?? `${options.from}-${lang}`;
    const debian = debianPackageFor(options.from, lang);
    const install = `sudo apt-get install ${debian.name}`;
    const detail =
      `direction ${wanted} is not installed` +
      (debian.known ? '' : `; Debian packages no ${options.from}–${lang} pair that readme-i18n knows of`);
    results.push(
      report(
        name,
        detail,
        debian.known
          ? [install]
          : [
              'export DEEPL_AUTH_KEY=<your key>   # translate with DeepL instead (https://www.deepl.com/your-account/keys)',
              `${install}   # if your distribution packages it: apt-cache search '^apertium-'`,
            ],
      ),
    );
  }
  return results;
}
