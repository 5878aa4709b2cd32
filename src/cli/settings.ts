import type { Command } from 'commander';
import type { Settings } from '../config/merge.js';
import { UsageError } from '../errors.js';
import { shown } from '../shown-value.js';

/** Flags that `translate` and `check` share, as commander gives them. */
export interface SourceFlags {
  lang?: string;
  source?: string;
  from?: string;
  engine?: string;
  model?: string;
  timeout?: string;
  out?: string;
  memory?: string;
  switcher: boolean;
  glossary?: string;
  frontMatter?: string;
  concurrency?: string;
  allowOutsideRepo?: boolean;
}

/**
 * The settings of a run, in one visible order: the pipeline's defaults, the configuration file, the
 * environment (`README_I18N_LANGUAGES`, `README_I18N_ENGINE`), then the flags given.
 */
export async function runSettings(flags: SourceFlags, command: Command): Promise<Settings> {
  // `--no-switcher` makes commander report `switcher: true` when the flag is absent: only a given flag counts.
  const given = command.getOptionValueSource('switcher') === 'cli';
  const [{ loadSettings }, { parseLanguageList }] = await Promise.all([
    import('../config/load-settings.js'),
    import('../language-tag.js'),
  ]);
  const { settings } = await loadSettings(process.cwd(), {
    langs: flags.lang === undefined ? undefined : parseLanguageList(flags.lang),
    sources: splitList(flags.source),
    from: flags.from,
    engine: flags.engine,
    model: flags.model,
    timeout: parseSeconds(flags.timeout, '--timeout'),
    out: flags.out,
    memory: flags.memory,
    switcher: given ? flags.switcher : undefined,
    glossary: splitList(flags.glossary),
    frontMatter: splitList(flags.frontMatter),
    concurrency: parseCount(flags.concurrency, '--concurrency'),
  });
  return settings;
}

export function splitList(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw new UsageError(`${flag} takes a whole number of at least 1, not '${shown(value)}'`);
  }
  return count;
}

export function parseSeconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 1) {
    throw new UsageError(`${flag} takes a number of seconds of at least 1, not '${value}'`);
  }
  return seconds;
}

/** The options that say where sources, outputs and memories are, shared by `translate` and `check`. */
export function addPathOptions(command: Command): Command {
  return command
    .option(
      '--source <files>',
      "Markdown files or globs, comma-separated (default: README.md; 'docs/**/*.md')",
    )
    .option('--from <code>', 'the source language (default: en)')
    .option(
      '--out <pattern>',
      "output path: {lang}, {name} and {dir} of the source (default: '{dir}/locales/{name}.{lang}.md')",
    )
    .option(
      '--memory <pattern>',
      "translation memory, {lang} for the language (default: 'locales/{lang}.po')",
    )
    .option('--no-switcher', 'outputs without the language switcher')
    .option(
      '--allow-outside-repo',
      'allow sources, outputs and memories outside the repository (default: refused, symbolic links followed)',
    );
}
