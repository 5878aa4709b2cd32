#!/usr/bin/env node
// `translate --lang fr` is exactly `readme-i18n translate --lang fr`.
import { main } from '../build/cli/main.js';

process.exitCode = await main(['translate', ...process.argv.slice(2)]);
