#!/usr/bin/env node
// Entry point of the run-pipeline command: loads the compiled CLI.
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv);
