/**
 * Loaded with `node --import` before the real CLI: when a file whose path matches
 * READMEI18N_TEST_STOP_AT is about to be flushed (written in full, not yet renamed), says so on
 * stderr and stops there for good, so that a test kills the run at that very point. Only Node's
 * `fs.fsync` is wrapped; the CLI runs unchanged.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const stopAt = new RegExp(process.env.READMEI18N_TEST_STOP_AT ?? '^$');
const fsync = fs.fsync;
fs.fsync = (descriptor, callback) => {
  let path = '';
  try {
    path = fs.readlinkSync(`/proc/self/fd/${descriptor}`);
  } catch {
    // Not a file with a path: flushed as usual.
  }
  if (!stopAt.test(path)) return fsync(descriptor, callback);
  process.stderr.write(`stopped before flushing ${path}\n`);
  // Kept alive until killed; the flush never completes.
  setInterval(() => undefined, 60_000);
};
syncBuiltinESMExports();
