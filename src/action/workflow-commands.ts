import { appendFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';

/**
 * The runner's file and stdout protocols: outputs go to `$GITHUB_OUTPUT`, the summary to
 * `$GITHUB_STEP_SUMMARY`, annotations to standard output. Without those files (a local run) the
 * values are only printed.
 */
export interface Runner {
  notice(message: string): void;
  error(message: string): void;
  setOutput(name: string, value: string): Promise<void>;
  appendSummary(markdown: string): Promise<void>;
}

export function runnerFor(
  env: Readonly<Record<string, string | undefined>>,
  write: (text: string) => void = (text) => process.stdout.write(text),
): Runner {
  return {
    notice: (message) => write(`::notice title=readme-i18n::${escapeData(message)}\n`),
    error: (message) => write(`::error title=readme-i18n::${escapeData(message)}\n`),
    setOutput: async (name, value) => {
      const file = env.GITHUB_OUTPUT;
      if (file === undefined || file === '') return write(`${name}: ${value}\n`);
      // A random delimiter, so that no value can end the block early.
      const delimiter = `readme-i18n-${randomBytes(8).toString('hex')}`;
      await appendFile(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
    },
    appendSummary: async (markdown) => {
      const file = env.GITHUB_STEP_SUMMARY;
      if (file === undefined || file === '') return write(markdown);
      await appendFile(file, markdown);
    },
  };
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
