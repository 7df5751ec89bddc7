#!/usr/bin/env node
// Older speed measurements, run after the table with BENCH_EXTRA=1: startup, validation of 300
// plans, peak memory on hostile files, log appends and verify (the team log runs after the table).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'crisis.js');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn, runs = 5) => median(Array.from({ length: runs }, () => { const t = performance.now(); fn(); return performance.now() - t; }));
const crisis = (args) => execFileSync('node', [bin, ...args], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });

const dir = mkdtempSync(join(tmpdir(), 'crisis-bench-'));
try {
  console.log(`--version             ${time(() => crisis(['--version'])).toFixed(0)} ms`);
  console.log(`--help                ${time(() => crisis(['--help'])).toFixed(0)} ms`);
  const eu = readFileSync(join(root, 'playbooks/eu/eu-circp.yaml'), 'utf8');
  const count = 300;
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `plan-${i}.yaml`), eu.replace('id: eu-circp', `id: bench-${i}`));
  const ms = time(() => { try { crisis(['validate', '--format', 'json', dir]); } catch { /* findings exit 1 */ } }, 3);
  console.log(`validate ${count} EU-sized plans  ${ms.toFixed(0)} ms (${((count / ms) * 1000).toFixed(0)} files/s)`);

  // Peak memory on hostile files (the validator must stay bounded): /usr/bin/time reports max RSS in KB.
  const hostile = {
    'a 50 MB file': Buffer.alloc(50 * 1024 * 1024, 'a: 1\n'),
    'a 3 MB single line': 'a: ' + 'x'.repeat(3 * 1024 * 1024) + '\n',
    'dense 4 MB of values': Array.from({ length: 400_000 }, (_, i) => `k${i}: ${i}`).join('\n').slice(0, 4 * 1024 * 1024 - 10),
    '20,000 levels of nesting': 'a: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n',
    'an alias bomb': ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(9).fill('*' + 'abcdefghi'[i]).join(', ')}]`)].join('\n'),
  };
  for (const [name, content] of Object.entries(hostile)) {
    const file = join(dir, 'hostile.yaml');
    writeFileSync(file, content);
    const t = performance.now();
    // Exit 1 is expected (the file is rejected); only the measurement matters here.
    const run = spawnSync('/usr/bin/time', ['-f', '%M', 'node', bin, 'validate', '--format', 'json', file], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const out = run.stderr.trim();
    console.log(`${name.padEnd(26)} ${(performance.now() - t).toFixed(0).padStart(5)} ms, peak ${(Number(out.split('\n').at(-1)) / 1024).toFixed(0)} MB`);
  }

  const { openEventLog } = await import(join(root, 'dist/adapters/sqlite/sqlite-event-log.js'));
  const log = openEventLog(join(dir, 'bench.db'));
  await log.createIncident({ id: 'b', title: 'bench', planId: 'p', createdAt: new Date().toISOString(), plans: [{ planId: 'p', text: 'x' }] });
  const n = 1000;
  const t = performance.now();
  for (let i = 0; i < n; i++) await log.append('b', { type: 'note-added', at: new Date().toISOString(), actor: 'bench', text: `note ${i}` });
  const appendMs = performance.now() - t;
  console.log(`append ${n} events (each durably committed)  ${appendMs.toFixed(0)} ms (${(appendMs / n).toFixed(2)} ms/event)`);
  const v = performance.now();
  await log.verify('b');
  console.log(`verify ${n} events    ${(performance.now() - v).toFixed(0)} ms`);
  await log.close();

} finally {
  rmSync(dir, { recursive: true, force: true });
}
