import { afterAll } from 'vitest';
import { removeFileFolders } from './temp-dir.js';

// A setup file (vitest.config.ts): runs in every test file, so folders made outside a test go with it.
afterAll(removeFileFolders);
