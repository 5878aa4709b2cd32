/**
 * What the CLI does when stopped from outside: SIGINT (Ctrl-C) or SIGTERM asks the run to stop
 * cleanly (its work saved, its lock released, exit 130); a second one ends the process at once.
 * A closed standard output (`readme-i18n check | head -3`) ends quietly instead of with a stack trace.
 */

export interface Interruption {
  readonly signal: AbortSignal;
  /** Removes the handlers. */
  dispose(): void;
}

/**
 * A signal this soon after the first is the same one delivered twice: `timeout` and some CI
 * runners signal both the process and its process group.
 */
const sameSignalMs = 250;

export function handleInterruptions(stderr: NodeJS.WritableStream = process.stderr): Interruption {
  const controller = new AbortController();
  let firstAt = 0;
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      if (performance.now() - firstAt < sameSignalMs) return;
      process.exit(130);
    }
    firstAt = performance.now();
    stderr.write(`\nreadme-i18n: ${name}: stopping after the write in progress (again to stop at once)…\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

let quietPipes = false;

/** Once per process: writes to a closed stdout or stderr are dropped, not thrown. */
export function ignoreClosedOutput(): void {
  if (quietPipes) return;
  quietPipes = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
      throw error;
    });
  }
}
