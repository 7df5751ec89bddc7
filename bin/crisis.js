#!/usr/bin/env node
// Thin launcher: everything lives in the compiled CLI. `crisis --version` alone is answered here,
// as commander would answer it, without loading the program (it is asked often, by scripts).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${typeof version === 'string' ? version : '0.0.0'}\n`);
} else {
  const { main } = await import('../dist/cli/main.js');
  await main(args);
}
