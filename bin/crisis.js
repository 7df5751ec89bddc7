#!/usr/bin/env node
// Thin launcher: everything lives in the compiled CLI.
import { main } from '../dist/cli/main.js';

await main(process.argv.slice(2));
