/**
 * What a process that ends now (a second Ctrl-C: `process.exit`) must undo at once: the temporary
 * file of a write in progress, a lock being taken or held and its owner note, a folder made for a
 * memory. Each is registered while it exists; all run once, synchronously, on `exit`, the last
 * registered first, so that what was made inside a folder goes before the folder.
 */
const cleanups = new Set<() => void>();
let installed = false;

/** Runs `cleanup` if the process exits before the returned function is called (then it never runs). */
export function onExit(cleanup: () => void): () => void {
  if (!installed) {
    installed = true;
    process.on('exit', runCleanups);
  }
  // A function of its own, so that the same cleanup registered twice is undone once each.
  const entry = (): void => cleanup();
  cleanups.add(entry);
  return () => {
    cleanups.delete(entry);
  };
}

function runCleanups(): void {
  const all = [...cleanups].reverse();
  cleanups.clear();
  for (const cleanup of all) {
    try {
      cleanup();
    } catch {
      // The process is ending: what cannot be removed stays, the rest still goes.
    }
  }
}
