// TLP-aware sharing on a real SQLite log: notes marked stricter, exports shared at a level, and
// logs written before markings existed (no tlp field) still verifying and taking the plan's TLP.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openIncident, type IncidentEvent } from '../../src/core/engine/index.js';
import type { Plan } from '../../src/core/plan/types.js';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir();
const db = join(dir.path, 'crisis.db');
const clearText = readFileSync(join(projectRoot, 'test/fixtures/plans/walk-plan.yaml'), 'utf8');
const amberText = clearText.replace('tlp: CLEAR', 'tlp: AMBER').replace(/id: walk-test\b/, 'id: walk-amber');
const aware = new Date(Date.now() - 3600_000);

async function open(id: string, planId: string, text: string): Promise<void> {
  const log = openEventLog<IncidentEvent>(db);
  const plan = parse(text) as Plan;
  await log.createIncident({ id, title: `Incident on ${planId}`, planId, createdAt: aware.toISOString(), plans: [{ planId, text }] });
  await log.appendAll(id, openIncident(new Map([[planId, plan]]), { planId, title: `Incident on ${planId}`, awareness: aware, at: aware, actor: 'ana' }));
  await log.close();
}

beforeAll(async () => {
  // Written the way crisis wrote events before markings: no tlp field anywhere.
  await open('inc-clear', 'walk-test', clearText);
  await open('inc-amber', 'walk-amber', amberText);
});
afterAll(() => dir.cleanup());

const crisis = (...args: string[]) => runCli([...args, '--db', db]);
type Json = { tlp: string; leftOut?: { events: number }; incident: { title?: string }; events: { type: string; marking: string; text?: string }[]; tracks: { id: string }[] };

describe('TLP-aware sharing', () => {
  it('an old log (no markings stored) verifies, and its events take the plan\'s TLP', async () => {
    expect((await crisis('log', 'verify')).exitCode).toBe(0);
    const json = JSON.parse((await crisis('log', 'export', 'inc-amber', '--format', 'json')).stdout) as Json;
    expect(json.tlp).toBe('AMBER');
    expect(new Set(json.events.map((e) => e.marking))).toEqual(new Set(['AMBER']));
    expect(json.tracks.map((t) => t.id)).toEqual(['main']);
  });

  it('crisis note --tlp marks a note stricter; the log still verifies and the marking is hashed', async () => {
    expect((await crisis('note', '--incident', 'inc-clear', '--tlp', 'AMBER', 'Hospital CISO called')).exitCode).toBe(0);
    expect((await crisis('note', '--incident', 'inc-clear', '--tlp', 'RED', 'Suspect an insider')).exitCode).toBe(0);
    expect((await crisis('note', '--incident', 'inc-clear', 'Press asks questions')).exitCode).toBe(0);
    const verify = await crisis('log', 'verify');
    expect(verify.exitCode).toBe(0);
    // Lowering a stored marking is caught: the field is part of the hashed event.
    const tampered = join(dir.path, 'tampered.db');
    copyFileSync(db, tampered);
    const raw = new Database(tampered);
    for (const { name } of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'").all() as { name: string }[]) raw.exec(`DROP TRIGGER "${name}"`);
    const changed = raw.prepare(`UPDATE events SET payload = replace(payload, '"tlp":"RED"', '"tlp":"CLEAR"') WHERE payload LIKE '%"tlp":"RED"%'`).run();
    raw.close();
    expect(changed.changes).toBe(1);
    const broken = await runCli(['log', 'verify', '--db', tampered]);
    expect(broken.exitCode).toBe(1);
  });

  it('refuses a note marked less strict than its plan', async () => {
    const out = await crisis('note', '--incident', 'inc-amber', '--tlp', 'GREEN', 'x');
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toBe("crisis: the incident's plan is TLP:AMBER; a note can be marked AMBER or stricter, not GREEN\n");
  });

  it('without --tlp, an export is marked with the strictest thing in it', async () => {
    const md = (await crisis('log', 'export', 'inc-clear')).stdout;
    expect(md.split('\n')[0]).toBe('**TLP:RED**');
    expect(md).toContain('Suspect an insider');
  });

  it.each([
    ['CLEAR', 2, ['Press asks questions'], ['Hospital CISO called', 'Suspect an insider']],
    ['AMBER', 1, ['Press asks questions', 'Hospital CISO called'], ['Suspect an insider']],
    ['RED', 0, ['Press asks questions', 'Hospital CISO called', 'Suspect an insider'], []],
  ])('--tlp %s leaves out %i events, says so, and is marked with the level', async (level, leftOut, kept, gone) => {
    const json = await crisis('log', 'export', 'inc-clear', '--format', 'json', '--tlp', level);
    expect(json.exitCode).toBe(0);
    const body = JSON.parse(json.stdout) as Json;
    expect(body.tlp).toBe(level);
    expect(body.leftOut?.events).toBe(leftOut);
    const notes = body.events.filter((e) => e.type === 'note-added').map((e) => e.text);
    expect([...notes].sort()).toEqual([...kept].sort());
    expect(json.stderr).toBe(`crisis: shared at TLP:${level}: left out ${leftOut} event${leftOut === 1 ? '' : 's'} marked above it\n`);
    for (const format of ['md', 'csv', 'jsonl']) {
      const out = (await crisis('log', 'export', 'inc-clear', '--format', format, '--tlp', level)).stdout;
      for (const text of gone) expect(out).not.toContain(text);
      for (const text of kept) expect(out).toContain(text);
      if (format === 'md') {
        expect(out.split('\n')[0]).toBe(`**TLP:${level}**`);
        expect(out).toContain(`- Shared at TLP:${level}: ${leftOut} event${leftOut === 1 ? '' : 's'} marked above it left out`);
      }
      if (format === 'csv') expect(out.split('\r\n').slice(1, -1).filter((l) => !l.startsWith(`TLP:${level},`))).toEqual([]);
      if (format === 'jsonl') expect(out.trimEnd().split('\n').every((l) => (JSON.parse(l) as { tlp: string }).tlp === level)).toBe(true);
    }
  });

  it('shared below its plan\'s TLP, an export keeps nothing of the plan: no title, steps, clocks or tracks', async () => {
    const out = await crisis('log', 'export', 'inc-amber', '--tlp', 'GREEN');
    expect(out.stdout).not.toContain('Incident on walk-amber');
    expect(out.stdout).not.toMatch(/Early warning|triage/);
    expect(out.stdout).toContain('# Incident inc-amber\n');
    expect(out.stderr).toMatch(/left out \d+ events marked above it and 1 track in a plan above it/);
  });
});
