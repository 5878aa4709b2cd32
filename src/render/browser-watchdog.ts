import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A small process of its own that outlives `render` if it is killed (SIGKILL cannot be caught):
 * when its standard input closes without the word `closed` first, it kills the browser's process
 * group (told as `pid N` once started) and removes the temporary profile. Started before the
 * profile folder is made, so a kill at any moment of the launch leaves no profile either (`forget`
 * when the folder could not be made). Inline (`node -e`), so the Action's bundle needs no file.
 */
const watchdogSource = `
const [dir] = process.argv.slice(1);
let pid = 0;
let closed = false;
let forgotten = false;
let heard = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (text) => {
  heard += text;
  const started = /pid (\\d+)/.exec(heard);
  if (started) pid = Number(started[1]);
  if (heard.includes('closed')) closed = true;
  if (heard.includes('forget')) forgotten = true;
});
process.stdin.on('close', () => {
  if (forgotten) return;
  if (!closed && pid > 0) {
    for (const target of [-pid, pid]) { try { process.kill(target, 'SIGKILL'); } catch {} }
  }
  const fs = require('node:fs');
  const alive = () => { try { return pid > 0 && (process.kill(pid, 0), true); } catch { return false; } };
  // Removed again until the browser has been gone a while: a dying browser may still write there.
  const giveUp = Date.now() + 15000;
  let goneSince = 0;
  const clean = () => {
    if (alive()) goneSince = 0; else goneSince ||= Date.now();
    try { fs.rmSync(dir, { recursive: true, force: true }); } catch {}
    if (Date.now() < giveUp && (goneSince === 0 || Date.now() - goneSince < 2000)) setTimeout(clean, 100);
  };
  clean();
});
process.stdin.resume();
`;

export interface BrowserWatchdog {
  /** The browser is running as process `pid`. */
  started(pid: number): void;
  /** The browser was closed and its profile removed: the watchdog ends without killing anything. */
  release(): void;
  /** The profile folder could not be made: the watchdog ends without removing anything. */
  forget(): void;
}

/** Watches over a browser's profile folder `dir`, and the browser once started, for as long as this process lives. */
export function watchBrowser(dir: string): BrowserWatchdog {
  const child: ChildProcess = spawn(process.execPath, ['-e', watchdogSource, dir], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.unref();
  child.on('error', () => undefined);
  child.stdin?.on('error', () => undefined);
  // The pipe must not keep this process alive either.
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return {
    started(pid) {
      child.stdin?.write(`pid ${pid}\n`);
    },
    release() {
      child.stdin?.end('closed\n');
    },
    forget() {
      child.stdin?.end('forget\n');
    },
  };
}
