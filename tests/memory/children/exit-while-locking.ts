/**
 * A run stopped at once, as a second Ctrl-C does (`process.exit(130)`), while it takes the memory
 * lock: it exits after `ticks` turns of the event loop from the start, wherever the lock then is.
 */
import { withMemoryLock } from '../../../src/memory/lock.js';

const [file = '', ticks = '0'] = process.argv.slice(2);
let left = Number(ticks);
const turn = (): void => {
  if (left-- <= 0) process.exit(130);
  setImmediate(turn);
};
// Holds the lock until the exit, once it has it.
void withMemoryLock([file], () => new Promise<void>(() => {}));
turn();
