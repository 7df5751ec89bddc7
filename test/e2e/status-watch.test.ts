// `crisis status --watch` on a SQLite log: shown again when another terminal adds an event.
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { openIncident, type IncidentEvent } from '../../src/core/engine/index.js';
import type { Plan } from '../../src/core/plan/types.js';
import { binPath, projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir();
const db = join(dir.path, 'crisis.db');
const planText = readFileSync(join(projectRoot, 'test/fixtures/plans/walk-plan.yaml'), 'utf8');

describe('crisis status --watch', () => {
  beforeAll(async () => {
    const aware = new Date(Date.now() - 3600_000);
    const log = openEventLog<IncidentEvent>(db);
    const events = openIncident(new Map([['walk-test', parse(planText) as Plan]]), { planId: 'walk-test', title: 'Watched', awareness: aware, at: aware, actor: 'ana' });
    await log.createIncident({ id: 'inc-w', title: 'Watched', planId: 'walk-test', createdAt: aware.toISOString(), plans: [{ planId: 'walk-test', text: planText }], events });
    await log.close();
  });
  afterAll(() => dir.cleanup());

  it('prints the status again, one json object a line, after a note from another terminal', async () => {
    const watch = execa('node', [binPath, 'status', '--watch', '--format', 'json', '--db', db], { env: { NO_COLOR: '1' }, reject: false });
    const lines: string[] = [];
    watch.stdout?.on('data', (c: Buffer) => lines.push(...c.toString().split('\n').filter((l) => l.trim() !== '')));
    const wait = async (n: number) => {
      for (let i = 0; i < 100 && lines.length < n; i++) await new Promise((r) => setTimeout(r, 50));
      return lines.length;
    };
    try {
      expect(await wait(1)).toBe(1);
      expect((await runCli(['note', '--db', db, 'from the other terminal'])).exitCode).toBe(0);
      expect(await wait(2)).toBe(2);
      expect(JSON.parse(lines[1] ?? '{}')).toMatchObject({ incident: { id: 'inc-w' } });
    } finally {
      watch.kill('SIGTERM');
      await watch;
    }
  });
});
