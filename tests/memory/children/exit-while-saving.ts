/**
 * A run stopped at once, as a second Ctrl-C does (`process.exit(130)`), while it holds the memory
 * lock and saves over and over: it exits `delayMs` after its third save, wherever it then is.
 */
import { loadMemory } from '../../../src/memory/load-memory.js';
import { withMemoryLock } from '../../../src/memory/lock.js';

const [file = '', delayMs = '0'] = process.argv.slice(2);
await withMemoryLock([file], async () => {
  const memory = await loadMemory(file, 'fr');
  const filler = 'Lorem ipsum dolor sit amet, « consectetur » adipiscing elit. '.repeat(32);
  // Bounded: the exit comes long before the last save.
  for (let index = 0; index < 2000; index++) {
    memory.record(`Unit ${index % 40}\n${filler}`, `Traduction ${index}\n${filler}`, {
      origin: 'engine:loop',
    });
    await memory.save();
    if (index === 2) setTimeout(() => process.exit(130), Number(delayMs));
  }
});
