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
  workflowTemplate,
  type InitChoices,
} from '../config/init-templates.js';
import { configFileNames, packageJsonKey } from '../config/load-config.js';
import { UsageError } from '../errors.js';
import { parseLanguageList } from '../language-tag.js';
import type { InitFlags } from './init.js';

/** Offered when nothing says which languages are wanted; the output says they can be changed. */
const suggestedLangs = ['es', 'fr'];

/** What `readme-i18n init` does, loaded only when it runs. */
export async function runInit(flags: InitFlags): Promise<void> {
  const cwd = process.cwd();
  await refuseExisting(cwd, flags.force === true);
  const inferred = await inferInit(cwd);
  let langs = flags.lang === undefined ? inferred.langs : parseLanguageList(flags.lang);
  const suggested = langs.length === 0;
  if (suggested) langs = await askLanguages(flags.yes === true);
  const choices: InitChoices = { ...inferred, langs };
  await writeFileAtomic(join(cwd, initConfigFile), configTemplate(choices));
  await writeFileAtomic(join(cwd, initWorkflowFile), workflowTemplate(choices));
  const out = process.stdout;
  out.write(
    `wrote ${initConfigFile} (source ${choices.source}, languages ${langs.join(', ')}, engine ${choices.engine})\n`,
  );
  out.write(
    `wrote ${initWorkflowFile} (runs on pushes to ${choices.branch} that change ${choices.source})\n`,
  );
  if (suggested && langs.join() === suggestedLangs.join()) {
    out.write(`languages ${langs.join(', ')} are a suggestion: change them in ${initConfigFile}\n`);
  }
  if (choices.engine === 'deepl') {
    out.write('add your DeepL key as the repository secret DEEPL_AUTH_KEY for the workflow\n');
  }
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

/** On a terminal (and without --yes) asks for the languages; elsewhere takes the suggestion. */
async function askLanguages(yes: boolean): Promise<string[]> {
  if (yes || !process.stdin.isTTY || !process.stdout.isTTY) return suggestedLangs;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question(`Languages to translate into [${suggestedLangs.join(',')}]: `);
    return answer.trim() === '' ? suggestedLangs : parseLanguageList(answer);
  } finally {
    prompt.close();
  }
}
