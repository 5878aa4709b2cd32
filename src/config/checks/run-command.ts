import { execFile } from 'node:child_process';

/**
 * The first line a tool prints for `args` (such as `--version`), or undefined if it fails or takes
 * longer than `timeoutMs`: a tool that cannot say its version is reported, not waited for.
 */
export function firstLineOf(
  file: string,
  args: readonly string[],
  timeoutMs = 15_000,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, [...args], { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout) => {
      const line = stdout.split('\n').find((text) => text.trim() !== '');
      resolve(error ? undefined : line?.trim());
    });
  });
}

/** Everything a tool prints, or undefined if it cannot be run. */
export function outputOf(
  file: string,
  args: readonly string[],
  timeoutMs = 15_000,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { timeout: timeoutMs, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => resolve(error ? undefined : stdout),
    );
  });
}
