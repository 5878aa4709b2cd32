import { appendFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';

/** Where an annotation points: a file of the repository, and a line of it when known. */
export interface AnnotationPlace {
  readonly file?: string | undefined;
  readonly line?: number | undefined;
}

/**
 * The runner's file and stdout protocols: outputs go to `$GITHUB_OUTPUT`, the summary to
 * `$GITHUB_STEP_SUMMARY`, annotations and groups to standard output. Without those files (a local
 * run) the values are only printed.
 */
export interface Runner {
  notice(message: string): void;
  warning(message: string, place?: AnnotationPlace): void;
  error(message: string): void;
  /** A line of the log, inside the current group. */
  log(message: string): void;
  /** Runs `work` inside a collapsible group of the log named `title`. */
  group<T>(title: string, work: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): Promise<void>;
  appendSummary(markdown: string): Promise<void>;
}

export function runnerFor(
  env: Readonly<Record<string, string | undefined>>,
  write: (text: string) => void = (text) => process.stdout.write(text),
): Runner {
  return {
    notice: (message) => write(`::notice title=readme-i18n::${escapeData(message)}\n`),
    warning: (message, place = {}) => {
      const properties = [
        ...(place.file === undefined ? [] : [`file=${escapeProperty(place.file)}`]),
        ...(place.line === undefined ? [] : [`line=${place.line}`]),
        'title=readme-i18n',
      ];
      write(`::warning ${properties.join(',')}::${escapeData(message)}\n`);
    },
    error: (message) => write(`::error title=readme-i18n::${escapeData(message)}\n`),
    log: (message) => write(`${message}\n`),
    group: async (title, work) => {
      write(`::group::${escapeData(title)}\n`);
      try {
        return await work();
      } finally {
        write('::endgroup::\n');
      }
    },
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

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
