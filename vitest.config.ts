import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Removes the temporary folders a test file made (tests/helpers/temp-dir.ts) once it is done.
    setupFiles: ['tests/helpers/temp-dir-cleanup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Chromium and Apertium are real processes; two cores do not like many at once.
    maxWorkers: 2,
    // A worker runs file after file in one module graph: the parser, the names lexicon and the
    // CLI are loaded once per worker, not once per file. Tests restore what they change (the
    // working folder, the environment, stubs).
    isolate: false,
  },
});
