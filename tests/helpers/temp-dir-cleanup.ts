import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.js';

// A setup file (vitest.config.ts): runs in every test file, so the folders a file made go with it.
afterAll(removeTempDirs);
