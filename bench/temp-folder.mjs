// The scratch folders of the benchmarks: each removed by its script when done with it, and whatever is
// left when the process ends (an error thrown, process.exit, Ctrl-C, SIGTERM, SIGHUP) removed then.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set();
let hooked = false;

function removeAll() {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
  made.clear();
}

function hook() {
  if (hooked) return;
  hooked = true;
  process.on('exit', removeAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    // Removed, then the signal again with its default effect (this listener is gone by then).
    process.once(signal, () => {
      removeAll();
      process.kill(process.pid, signal);
    });
  }
}

/**
 * A fresh folder `readme-i18n-bench-<name>-<random>` in the system's temporary folder: `path`, and
 * `remove()` to delete it once done (the end of the process deletes it otherwise).
 */
export function benchFolder(name) {
  hook();
  const path = mkdtempSync(join(tmpdir(), `readme-i18n-bench-${name}-`));
  made.add(path);
  return {
    path,
    remove() {
      made.delete(path);
      rmSync(path, { recursive: true, force: true });
    },
  };
}
