import type { EngineLimits } from '../engines/engine.js';
import { estimateTokens } from '../engines/token-estimate.js';
import { InterruptedError } from '../errors.js';

/**
 * Splits texts into requests that respect an engine's limits: at most `maxTexts` texts, `maxBytes`
 * bytes of UTF-8 and (where the engine counts them) `maxTokens` estimated tokens each, in order.
 * A text larger than a limit travels alone.
 */
export function makeBatches(texts: readonly string[], limits: EngineLimits): string[][] {
  const batches: string[][] = [];
  const maxTokens = limits.maxTokens ?? Number.POSITIVE_INFINITY;
  let current: string[] = [];
  let bytes = 0;
  let tokens = 0;
  for (const text of texts) {
    const size = Buffer.byteLength(text, 'utf8');
    const count = limits.maxTokens === undefined ? 0 : estimateTokens(text);
    if (
      current.length > 0 &&
      (current.length >= limits.maxTexts || bytes + size > limits.maxBytes || tokens + count > maxTokens)
    ) {
      batches.push(current);
      current = [];
      bytes = 0;
      tokens = 0;
    }
    current.push(text);
    bytes += size;
    tokens += count;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Runs `task` over `items` with at most `concurrency` at once; stops starting new ones after a
 * failure. Once `signal` aborts, it starts none and rejects with an InterruptedError at once
 * without waiting for the tasks in flight (which must then leave their results aside).
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const abort = signal === undefined ? undefined : aborted(signal);
  const stopped = abort?.promise;
  stopped?.catch(() => undefined); // raced below; never left unhandled
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      if (signal?.aborted === true) {
        failure ??= { error: new InterruptedError('interrupted') };
        return;
      }
      const index = next++;
      try {
        const running = task(items[index] as T, index);
        await (stopped === undefined ? running : Promise.race([running, stopped]));
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  } finally {
    // One signal serves every file of a run: its listener goes with the pool.
    abort?.release();
  }
  if (failure) throw failure.error;
}

/**
 * A promise that rejects with an InterruptedError when `signal` aborts (never resolves otherwise),
 * and `release` to stop listening.
 */
function aborted(signal: AbortSignal): { promise: Promise<never>; release: () => void } {
  let stop = () => undefined as void;
  const promise = new Promise<never>((_, reject) => {
    stop = () => reject(new InterruptedError('interrupted'));
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  return { promise, release: () => signal.removeEventListener('abort', stop) };
}
