import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { writeFileAtomic } from '../atomic-write.js';
import { inferInit } from '../config/infer-init.js';
import {
  configTemplate,
  initConfigFile,
  initWorkflowFile,
  pinInstructions,
  pinnedActionPattern,
  workflowTemplate,
  type InitChoices,
} from '../config/init-templates.js';
import { findDirection, listApertiumDirections } from '../engines/apertium-directions.js';
import { debianPackageFor } from '../engines/apertium-languages.js';
import { configFileNames, packageJsonKey } from '../config/load-config.js';
import { UsageError } from '../errors.js';
import { parseLanguageList } from '../language-tag.js';
import type { InitFlags } from './init.js';

/** Offered when nothing says which languages are wanted; the output says they can be changed. */
const suggestedLangs = ['es', 'fr'];

/** Languages offered with Apertium, best first: only those whose pair is installed are. */
const apertiumPreference = ['es', 'fr', 'de', 'it', 'pt', 'ca', 'gl', 'eo', 'ro', 'nl'];

/** What `readme-i18n init` does, loaded only when it runs. */
export async function runInit(flags: InitFlags): Promise<void> {
  const cwd = process.cwd();
  if (flags.action !== undefined && !pinnedActionPattern.test(flags.action)) {
    throw new UsageError(
      `--action '${flags.action}' must be owner/name@<the full 40-digit commit SHA>, e.g. readme-i18n/readme-i18n@0123456789abcdef0123456789abcdef01234567`,
    );
  }
  await refuseExisting(cwd, flags.force === true);
  const inferred = await inferInit(cwd);
  const installed = inferred.engine === 'apertium' ? await listApertiumDirections() : [];
  const suggestion = suggestionFor(inferred.engine, installed);
  let langs = flags.lang === undefined ? inferred.langs : parseLanguageList(flags.lang);
  const suggested = langs.length === 0;
  if (suggested) langs = await askLanguages(flags.yes === true, suggestion);
  const choices: InitChoices = {
    ...inferred,
    langs,
    apertiumPackages:
      inferred.engine === 'apertium'
        ? [
            ...new Set(
              langs
                .map((lang) => debianPackageFor('en', lang))
                .flatMap((pkg) => (pkg.known ? [pkg.name] : [])),
            ),
          ].sort()
        : undefined,
    action: flags.action,
  };
  await writeFileAtomic(join(cwd, initConfigFile), configTemplate(choices));
  await writeFileAtomic(join(cwd, initWorkflowFile), workflowTemplate(choices));
  const out = process.stdout;
  out.write(
    `wrote ${initConfigFile} (source ${choices.source}, languages ${langs.join(', ')}, engine ${choices.engine})\n`,
  );
  out.write(
    `wrote ${initWorkflowFile} (runs on pushes to ${choices.branch} that change ${choices.source})\n`,
  );
  if (suggested && langs.join() === suggestion.join()) {
    out.write(`languages ${langs.join(', ')} are a suggestion: change them in ${initConfigFile}\n`);
  }
  if (choices.engine === 'deepl') {
    out.write('add your DeepL key as the repository secret DEEPL_AUTH_KEY for the workflow\n');
  } else {
    const missing = langs.filter((lang) => findDirection('en', lang, installed) === undefined);
    const packaged = missing.filter((lang) => debianPackageFor('en', lang).known);
    const unpackaged = missing.filter((lang) => !debianPackageFor('en', lang).known);
    if (packaged.length > 0) {
      out.write(
        `Apertium cannot translate ${packaged.map((lang) => `en → ${lang}`).join(', ')} here: ` +
          `sudo apt-get install ${packaged.map((lang) => debianPackageFor('en', lang).name).join(' ')} ` +
          '(the workflow installs it on the runner)\n',
      );
    }
    if (unpackaged.length > 0) {
      out.write(
        `Debian packages no Apertium pair for ${unpackaged.map((lang) => `en → ${lang}`).join(', ')}: ` +
          `set \`engine: deepl\` in ${initConfigFile} and add the secret DEEPL_AUTH_KEY, or leave ${unpackaged.join(', ')} out\n`,
      );
    }
  }
  out.write(
    'the workflow opens a pull request: allow it in Settings > Actions > General > Workflow permissions > ' +
      '"Allow GitHub Actions to create and approve pull requests"\n',
  );
  if (choices.action === undefined) out.write(`${pinInstructions(initWorkflowFile)}\n`);
  out.write('next: npx readme-i18n doctor && npx readme-i18n translate\n');
}

/** Never overwrites without --force, and never adds a second configuration beside another one. */
async function refuseExisting(cwd: string, force: boolean): Promise<void> {
  if (!force) {
    for (const file of [initConfigFile, initWorkflowFile]) {
      if (existsSync(join(cwd, file))) {
        throw new UsageError(
          `${file} already exists; init overwrites nothing. Edit it, or run \`readme-i18n init --force\` to replace it.`,
        );
      }
    }
  }
  const others: string[] = configFileNames.filter(
    (name) => name !== initConfigFile && existsSync(join(cwd, name)),
  );
  if (await packageJsonConfigures(cwd)) others.push(`package.json ("${packageJsonKey}" key)`);
  const [other] = others;
  if (other !== undefined) {
    throw new UsageError(
      `${other} already configures readme-i18n; init would add a second configuration. ` +
        'Edit that one, or delete it and run `readme-i18n init` again.',
    );
  }
}

async function packageJsonConfigures(cwd: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(join(cwd, 'package.json'), 'utf8')) as unknown;
    return typeof manifest === 'object' && manifest !== null && packageJsonKey in manifest;
  } catch {
    // No package.json, or one that is not JSON: either way it configures nothing.
    return false;
  }
}

/**
 * The languages offered: with Apertium, up to two whose pair from English is installed (so the
 * first translation works), else es and fr.
 */
function suggestionFor(engine: 'deepl' | 'apertium', installed: readonly string[]): string[] {
  if (engine !== 'apertium') return suggestedLangs;
  const usable = apertiumPreference.filter((lang) => findDirection('en', lang, installed) !== undefined);
  return usable.length > 0 ? usable.slice(0, 2) : suggestedLangs;
}

/** On a terminal (and without --yes) asks for the languages; elsewhere takes the suggestion. */
async function askLanguages(yes: boolean, suggestion: string[]): Promise<string[]> {
  if (yes || !process.stdin.isTTY || !process.stdout.isTTY) return suggestion;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question(`Languages to translate into [${suggestion.join(',')}]: `);
    return answer.trim() === '' ? suggestion : parseLanguageList(answer);
  } finally {
    prompt.close();
  }
}
