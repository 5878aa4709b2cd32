import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import { runPool } from '../../src/pipeline/batches.js';

describe('runPool', () => {
  it('leaves no listener on the run’s signal once a pool ends (one pool per file, 20 files)', async () => {
    const controller = new AbortController();
    const done: number[] = [];
    for (let file = 0; file < 20; file++)
      await runPool([1, 2, 3], 2, async (item) => void done.push(item), controller.signal);
    expect(done).toHaveLength(60);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('still stops at once, the task in flight left aside, with an InterruptedError when the signal aborts mid-pool', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const pool = runPool(
      [1, 2, 3, 4],
      1,
      (item) => {
        started.push(item);
        setTimeout(() => controller.abort(), 10);
        return new Promise<void>(() => undefined); // never ends by itself
      },
      controller.signal,
    );
    await expect(pool).rejects.toBeInstanceOf(InterruptedError);
    expect(started).toEqual([1]);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
