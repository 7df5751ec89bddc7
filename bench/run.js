#!/usr/bin/env node
// Speed measurements (not tests): startup, validation throughput, log appends. Run: npm run bench
import { execFileSync } from 'node:child_process';
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

  const { openEventLog } = await import(join(root, 'dist/adapters/sqlite/sqlite-event-log.js'));
  const log = openEventLog(join(dir, 'bench.db'));
  log.createIncident({ id: 'b', title: 'bench', planId: 'p', createdAt: new Date().toISOString(), plans: [{ planId: 'p', text: 'x' }] });
  const n = 1000;
  const t = performance.now();
  for (let i = 0; i < n; i++) log.append('b', { type: 'note-added', at: new Date().toISOString(), actor: 'bench', text: `note ${i}` });
  const appendMs = performance.now() - t;
  console.log(`append ${n} events (each durably committed)  ${appendMs.toFixed(0)} ms (${(appendMs / n).toFixed(2)} ms/event)`);
  const v = performance.now();
  log.verify('b');
  console.log(`verify ${n} events    ${(performance.now() - v).toFixed(0)} ms`);
  log.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
