#!/usr/bin/env node
import { setUpProcess } from '../build/cli/process-setup.js';

setUpProcess();
const { main } = await import('../build/cli/main.js');

process.exitCode = await main(process.argv.slice(2));
