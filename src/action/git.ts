import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `git` in `cwd`; resolves with the exit code instead of throwing, for callers to explain. */
export async function git(
  cwd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<GitResult> {
  try {
    const { stdout, stderr } = await run('git', [...args], { cwd, env, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? String(error),
    };
  }
}

/**
 * The environment for git commands that talk to GitHub with `token`: an `Authorization` header for
 * the server's web address, given through `GIT_CONFIG_*` (so it is in no command line and no
 * file), after clearing any header an earlier step (`actions/checkout`) left for that address. So
 * pushes work with `persist-credentials: false`, and with the token given to this Action rather
 * than the one the checkout used.
 */
export function gitEnvWithToken(
  token: string,
  serverUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  if (token === '') return env;
  const key = `http.${serverUrl.replace(/\/+$/, '')}/.extraheader`;
  const basic = Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
  const count = Number(env.GIT_CONFIG_COUNT ?? 0) || 0;
  return {
    ...env,
    GIT_CONFIG_COUNT: String(count + 2),
    // An empty value empties the list of headers set so far for the address.
    [`GIT_CONFIG_KEY_${count}`]: key,
    [`GIT_CONFIG_VALUE_${count}`]: '',
    [`GIT_CONFIG_KEY_${count + 1}`]: key,
    [`GIT_CONFIG_VALUE_${count + 1}`]: `AUTHORIZATION: basic ${basic}`,
    // Never ask on a terminal: fail with git's message instead.
    GIT_TERMINAL_PROMPT: '0',
  };
}
