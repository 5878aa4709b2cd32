import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a bin of the built CLI (`npm run build` first) as a user would, in `cwd`. */
export function runCli(
  bin: 'readme-i18n' | 'translate',
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): CliResult {
  const result = spawnSync(process.execPath, [join(root, 'bin', `${bin}.js`), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder, optionally filled with a copy of a fixture folder. */
export function tempProject(fixture?: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'readme-i18n-'));
  if (fixture) cpSync(fixture, folder, { recursive: true });
  return folder;
}
