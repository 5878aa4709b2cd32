import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** A fresh temporary folder, optionally filled with a copy of a fixture folder. */
export function tempProject(fixture?: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'readme-i18n-'));
  if (fixture) cpSync(fixture, folder, { recursive: true });
  return folder;
}
