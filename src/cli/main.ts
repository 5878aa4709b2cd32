import { Command, CommanderError } from 'commander';
import { ReadmeI18nError } from '../errors.js';
import { terminalSafe } from '../shown-value.js';
import { registerCheck } from './check.js';
import { ignoreClosedOutput } from './interrupt.js';
import { registerTranslate } from './translate.js';
import { registerRender } from './render.js';
import { registerInit } from './init.js';
import { registerDoctor } from './doctor.js';
import { registerRelease } from './release.js';
import { registerTerms } from './terms.js';

/** Every command registers itself here; each lives in its own file. */
const commands: ReadonlyArray<(program: Command) => void> = [
  registerTranslate,
  registerCheck,
  registerTerms,
  registerRender,
  registerRelease,
  registerInit,
  registerDoctor,
];

/**
 * Runs the CLI with `argv` (without node and the script) and resolves to the exit code:
 * 0 success, 1 a language failed or a unit fell back, 2 usage or input errors.
 */
export async function main(argv: readonly string[]): Promise<number> {
  ignoreClosedOutput();
  const program = new Command('readme-i18n')
    .description('Translate Markdown files without breaking a byte that is not prose.')
    .version(await readVersion())
    .exitOverride()
    // Commander quotes what was typed: an escape sequence in an argument is shown, never obeyed.
    .configureOutput({ outputError: (text, write) => write(forTerminal(text)) })
    .showHelpAfterError('(run with --help for usage)');
  for (const register of commands) register(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version are successes; every other commander error is a usage error.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    if (error.code === 'commander.help') return 0;
    return 2;
  }
  if (error instanceof ReadmeI18nError) {
    process.stderr.write(`readme-i18n: ${forTerminal(error.message)}\n`);
    return error.exitCode;
  }
  process.stderr.write(
    `readme-i18n: unexpected error: ${forTerminal(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
  );
  return 1;
}

/** Longest message shown, in characters: a value of a megabyte is not printed whole. */
const longestMessage = 4000;

/** A message with its control characters escaped and its length bounded. */
function forTerminal(text: string): string {
  const safe = terminalSafe(text);
  return safe.length > longestMessage
    ? `${safe.slice(0, longestMessage)}… (${(safe.length - longestMessage).toLocaleString('en')} more characters)`
    : safe;
}

async function readVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}
