// Bench rows for the team log: append latency and `crisis status` on an incident of 100,000
// events, SQLite against PostgreSQL side by side (a throwaway local cluster; same machine, so
// the PostgreSQL figures have no network in them).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pgBinDir, startCluster } from './pg-cluster.js';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Print the SQLite vs PostgreSQL rows; skipped with a reason when PostgreSQL is not installed. */
export async function benchTeamLog({ root, dir, bin }) {
  const pgBin = pgBinDir();
  if (pgBin === undefined) {
    console.log('team log (PostgreSQL): skipped, PostgreSQL is not installed (apt-get install postgresql)');
    return;
  }
  const dist = (p) => join(root, 'dist', p);
  const { openEventLog } = await import(dist('adapters/sqlite/sqlite-event-log.js'));
  const { openPostgresLog } = await import(dist('adapters/postgres/postgres-event-log.js'));
  const { runSetup } = await import(dist('adapters/postgres/setup.js'));
  const { openIncident } = await import(dist('core/engine/index.js'));
  const { parse } = await import('yaml');
  const planText = readFileSync(join(root, 'test/fixtures/plans/walk-plan.yaml'), 'utf8');
  const plans = new Map([['walk-test', parse(planText)]]);
  const cluster = await startCluster(pgBin);
  try {
    await runSetup(cluster.url);
    const logs = { SQLite: join(dir, 'team-bench.db'), PostgreSQL: cluster.url };
    const open = (where) => (where.startsWith('postgres') ? openPostgresLog(where) : openEventLog(where));
    const rows = [];
    for (const [name, where] of Object.entries(logs)) {
      const log = await open(where);
      const aware = new Date(Date.now() - 3600_000);
      const opening = openIncident(plans, { planId: 'walk-test', title: 'bench', awareness: aware, at: aware, actor: 'bench' });
      const incident = (id) => ({ id, title: 'bench', planId: 'walk-test', createdAt: aware.toISOString(), plans: [{ planId: 'walk-test', text: planText }], events: opening });
      await log.createIncident(incident('lat'));
      const latencies = [];
      for (let i = 0; i < 500; i++) {
        const t = performance.now();
        await log.append('lat', { type: 'note-added', text: `note ${i}`, at: new Date().toISOString(), actor: 'bench', planId: 'walk-test', stepId: 'triage' });
        latencies.push(performance.now() - t);
      }
      const notes = Array.from({ length: 100_000 - opening.length }, (_, i) => ({ type: 'note-added', text: `note ${i}`, at: aware.toISOString(), actor: 'bench', planId: 'walk-test', stepId: 'triage' }));
      await log.createIncident(incident('big'));
      await log.appendAll('big', notes);
      await log.close();
      const status = median(
        Array.from({ length: 3 }, () => {
          const t = performance.now();
          execFileSync('node', [bin, 'status', '--incident', 'big', '--db', where], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
          return performance.now() - t;
        }),
      );
      rows.push({ name, append: median(latencies), status });
    }
    for (const r of rows) console.log(`team log ${r.name.padEnd(10)}  append ${r.append.toFixed(2)} ms/event (median of 500, committed)  status on 100,000 events ${r.status.toFixed(0)} ms`);
  } finally {
    cluster.stop();
  }
}
