/**
 * A second readme-i18n run, in its own process: takes the memory lock, notes `holding` in
 * `stateFile`, says `locked`, and holds the lock until told `release` on stdin (noting `releasing`
 * first) or until `maxHoldMs` passes (bounded, so it never outlives a test).
 */
import { writeFileSync } from 'node:fs';
import { withMemoryLock } from '../../../src/memory/lock.js';

const [file = '', stateFile = '', maxHold = '20000'] = process.argv.slice(2);

await withMemoryLock([file], async () => {
  writeFileSync(stateFile, 'holding');
  process.stdout.write('locked\n');
  await new Promise<void>((done) => {
    const timer = setTimeout(done, Number(maxHold));
    process.stdin.on('data', (chunk) => {
      if (chunk.toString().includes('release')) {
        clearTimeout(timer);
        done();
      }
    });
  });
  writeFileSync(stateFile, 'releasing');
});
process.stdout.write('released\n');
process.exit(0);
