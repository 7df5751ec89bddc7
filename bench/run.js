#!/usr/bin/env node
// Speed measurements (not tests), issue 10's table: each row runs crisis and its peer side by
// side (alternating), on data the bench makes itself. Run: npm run bench
//   BENCH_RUNS=N   runs per side of the quick rows (default 7; the big rows take fewer)
//   BENCH_EXTRA=1  also the older measurements in bench/extra.js (hostile files, appends, verify)
// After the table: the team log on PostgreSQL beside SQLite (skipped where PostgreSQL is not installed).
import { cpus, totalmem } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sideBySide } from './measure.js';
import { logWithNotes, longExercise, planFolder } from './data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'crisis.js');
const ajvCli = join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const quick = Number(process.env.BENCH_RUNS ?? 7);
const big = Math.max(1, Math.round(quick / 2));

const crisis = (...args) => () => ({ argv: ['node', bin, ...args] });
const nodeNothing = () => ({ argv: ['node', '-e', '0'] });
const ajv = (data) => () => ({ argv: ['node', ajvCli, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '--strict=false', '--all-errors', '-s', join(root, 'schemas/plan.schema.json'), '-d', data] });

const dir = mkdtempSync(join(tmpdir(), 'crisis-bench-'));
const rows = [];
const row = (what, crisisCmd, peerName, peerCmd, runs, target, extra = {}) => {
  process.stderr.write(`bench: ${what} ...\n`);
  const { a, b } = sideBySide(crisisCmd, peerCmd, runs);
  rows.push({ what, crisis: a, peerName, peer: b, target, ...extra });
  return { a, b };
};

try {
  process.stderr.write('bench: making data (1,100 plans, logs of 10,000 and 100,000 events, two long exercises) ...\n');
  const plans1000 = planFolder(root, dir, 1000);
  const plans100 = planFolder(root, dir, 100);
  const onePlan = join(planFolder(root, dir, 1), 'plan-0.yaml');
  const small = join(root, 'test/fixtures/plans/walk-plan.yaml');
  const newLog = await logWithNotes(root, dir, 0);
  const log10k = await logWithNotes(root, dir, 10_000);
  const log100k = await logWithNotes(root, dir, 100_000);
  const ex1000 = longExercise(root, dir, 500, 1000);
  const ex2000 = longExercise(root, dir, 500, 2000);

  const faster = { kind: 'ratio', max: 1, text: 'faster than ajv-cli' };
  const v1000 = row('validate 1,000 EU-sized plans (53 KB)', crisis('validate', '--format', 'json', plans1000), 'ajv-cli', ajv(join(plans1000, '*.yaml')), big, faster, { files: 1000 });
  row('same, 100 plans', crisis('validate', '--format', 'json', plans100), 'ajv-cli', ajv(join(plans100, '*.yaml')), big, faster, { files: 100 });
  row('same, 1 plan', crisis('validate', '--format', 'json', onePlan), 'ajv-cli', ajv(onePlan), quick, faster, { files: 1 });
  rows.push({ what: 'peak memory, 1,000 plans', memory: true, crisis: v1000.a, peerName: 'ajv-cli', peer: v1000.b, target: { kind: 'memory', max: 2, text: 'under 2x' } });
  row('validate one small plan', crisis('validate', small), 'node -e 0', nodeNothing, quick, { kind: 'ratio', max: 2.5, text: 'under 2.5x' });
  row('--version', crisis('--version'), 'node -e 0', nodeNothing, quick, { kind: 'ratio', max: 1.3, text: 'under 1.3x' });
  row('--help', crisis('--help'), 'node -e 0', nodeNothing, quick, { kind: 'ratio', max: 1.3, text: 'under 1.3x' });
  row('status, a new incident', crisis('status', '--db', newLog), 'node -e 0', nodeNothing, quick, { kind: 'ratio', max: 2, text: 'under 2x' });
  const at100k = { kind: 'ratio', max: 3, text: 'under 3x' };
  row('status, one incident of 100,000 events', crisis('status', '--db', log100k), 'node -e 0', nodeNothing, quick, at100k);
  row('note at 100,000 events', crisis('note', '--db', log100k, 'bench note'), 'node -e 0', nodeNothing, quick, at100k);
  row('note: at 100,000 against at 10,000 events', crisis('note', '--db', log100k, 'bench note'), 'note at 10,000', crisis('note', '--db', log10k, 'bench note'), quick, { kind: 'ratio', max: 1.5, text: 'O(1): under 1.5x' });
  row('log show at 100,000 events', crisis('log', 'show', 'inc-bench', '--db', log100k), 'node -e 0', nodeNothing, big, { kind: 'info', text: 'linear' });
  row('log show: 100,000 against 10,000 events', crisis('log', 'show', 'inc-bench', '--db', log100k), 'at 10,000', crisis('log', 'show', 'inc-bench', '--db', log10k), big, { kind: 'ratio', max: 11, text: 'linear: under 11x' });
  row('log export (md) at 100,000 events', crisis('log', 'export', 'inc-bench', '--db', log100k), 'node -e 0', nodeNothing, big, { kind: 'info', text: 'linear' });
  row('log export: 100,000 against 10,000 events', crisis('log', 'export', 'inc-bench', '--db', log100k), 'at 10,000', crisis('log', 'export', 'inc-bench', '--db', log10k), big, { kind: 'ratio', max: 11, text: 'linear: under 11x' });
  // Every run writes a new exercise incident: a fresh log each time keeps the runs alike.
  const exercise = (file, tag) => (i) => ({ argv: ['node', bin, 'exercise', 'run', file, '--db', join(dir, `ex-${tag}-${i}.db`)] });
  row('exercise run, 500 injects, 1,000 script entries', exercise(ex1000, 'a'), 'node -e 0', nodeNothing, big, { kind: 'info', text: 'linear' });
  row('exercise run, 500 injects, 2,000 script entries', exercise(ex2000, 'b'), 'node -e 0', nodeNothing, big, { kind: 'info', text: 'linear' });
  row('exercise run: 2,000 against 1,000 entries', exercise(ex2000, 'c'), '1,000 entries', exercise(ex1000, 'd'), big, { kind: 'ratio', max: 2.2, text: 'linear: under 2.2x' });

  printTable(rows);
  await (await import('./team-log.js')).benchTeamLog({ root, dir, bin });
  if (process.env.BENCH_EXTRA === '1') await import('./extra.js');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function printTable(all) {
  const ms = (s) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  const mb = (s) => `${s.median.toFixed(0)} MB`;
  const lines = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; medians of alternating runs (min–max), wall time.`,
    '',
    '| what | crisis | against | peer | ratio | CPU ratio | files/s | peak MB | target | holds |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of all) {
    if (r.memory) {
      const ratio = r.crisis.rss.median / r.peer.rss.median;
      lines.push(`| ${r.what} | ${mb(r.crisis.rss)} | ${r.peerName} | ${mb(r.peer.rss)} | ${ratio.toFixed(2)}x | | | | ${r.target.text} | ${ratio < r.target.max ? 'yes' : 'NO'} |`);
      continue;
    }
    const ratio = r.crisis.wall.median / r.peer.wall.median;
    const cpu = r.crisis.cpu.median / r.peer.cpu.median;
    const rate = r.files ? `${((r.files / r.crisis.wall.median) * 1000).toFixed(0)} (${((r.files / r.peer.wall.median) * 1000).toFixed(0)})` : '';
    const holds = r.target.kind === 'info' ? '' : ratio < r.target.max ? 'yes' : 'NO';
    lines.push(`| ${r.what} | ${ms(r.crisis.wall)} | ${r.peerName} | ${ms(r.peer.wall)} | ${ratio.toFixed(2)}x | ${cpu.toFixed(2)}x | ${rate} | ${r.crisis.rss.median.toFixed(0)} (${r.peer.rss.median.toFixed(0)}) | ${r.target.text} | ${holds} |`);
  }
  console.log(lines.join('\n'));
}
