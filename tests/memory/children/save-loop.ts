/**
 * Saves a memory over and over (a bounded number of times) so that a test can SIGKILL it at an
 * arbitrary moment. Each save rewrites 40 entries of about 2 KiB.
 */
import { loadMemory } from '../../../src/memory/load-memory.js';

const [file = '', iterations = '5000'] = process.argv.slice(2);
const memory = await loadMemory(file, 'fr');
const filler = 'Lorem ipsum dolor sit amet, « consectetur » adipiscing elit. '.repeat(32);
for (let index = 0; index < Number(iterations); index++) {
  memory.record(`Unit ${index % 40}\n${filler}`, `Traduction ${index}\n${filler}`, { origin: 'engine:loop' });
  await memory.save();
  process.stdout.write(`saved ${index}\n`);
}
