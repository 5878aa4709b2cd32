import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp-dir.js';

const root = join(import.meta.dirname, '..', '..');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a bin of the built CLI (`npm run build` first) as a user would, in `cwd`. Asynchronous, so
 * that test servers in this process keep answering while it runs.
 */
export function runCli(
  bin: 'readme-i18n' | 'translate',
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', `${bin}.js`), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A fresh temporary folder (removed after the test file), optionally filled with a copy of a fixture folder. */
export function tempProject(fixture?: string): string {
  const folder = tempDir('readme-i18n-');
  if (fixture) cpSync(fixture, folder, { recursive: true });
  return folder;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the CLI in this test process, from its source (no build needed), as `runCli` would in a child:
 * `cwd` as the working folder, `env` over this process's environment, standard output and error
 * captured, the exit code that the bin would exit with. Runs one at a time: the working folder, the
 * environment and the exit code belong to the process. For tests whose point is not the process boundary.
 */
export function runCliHere(
  bin: 'readme-i18n' | 'translate',
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  const run = queue.then(() => runInProcess(bin === 'translate' ? ['translate', ...args] : args, cwd, env));
  queue = run.catch(() => undefined);
  return run;
}

async function runInProcess(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<CliResult> {
  const { main } = await import('../../src/cli/main.js');
  const given: NodeJS.ProcessEnv = { NO_COLOR: '1', ...env };
  const savedEnv = Object.fromEntries(Object.keys(given).map((key) => [key, process.env[key]]));
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  // As in a child with pipes: no terminal, so nothing asks a question or draws progress.
  const terminals = { stdout: process.stdout.isTTY, stderr: process.stderr.isTTY };
  let stdout = '';
  let stderr = '';
  const capture =
    (append: (text: string) => void) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((item): item is () => void => typeof item === 'function');
      if (callback) process.nextTick(callback);
      return true;
    };
  setEnv(given);
  process.chdir(cwd);
  process.exitCode = undefined;
  process.stdout.write = capture((text) => (stdout += text)) as typeof process.stdout.write;
  process.stderr.write = capture((text) => (stderr += text)) as typeof process.stderr.write;
  process.stdout.isTTY = false;
  process.stderr.isTTY = false;
  try {
    const status = await main(argv);
    return { status, stdout, stderr };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
    process.stdout.isTTY = terminals.stdout;
    process.stderr.isTTY = terminals.stderr;
    process.exitCode = savedExitCode;
    process.chdir(savedCwd);
    setEnv(savedEnv);
  }
}

function setEnv(values: NodeJS.ProcessEnv): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
