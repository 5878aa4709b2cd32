#!/usr/bin/env node
import { setUpProcess } from '../build/cli/process-setup.js';

setUpProcess();
// `translate --lang fr` is exactly `readme-i18n translate --lang fr`.
const { main } = await import('../build/cli/main.js');

process.exitCode = await main(['translate', ...process.argv.slice(2)]);
