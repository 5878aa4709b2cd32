// The Action's entry, bundled into dist/index.js: `runs.main` in action.yml.
import { runActionMain } from './run-action.js';

process.exitCode = await runActionMain({ env: process.env });
