// A log written by the version before parallel tracks (test/fixtures/logs/make-pre-tracks.mjs, run
// at commit 4f8d90c): today's version replays it as the one main track, keeps every stored hash, and
// finds the anchor taken then, also after new events are added.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir('crisis-pre-tracks-');
afterAll(() => dir.cleanup());
const ANCHOR = 'sha256:bb6f2aa7a6c6201c74675287668265f5dfedf5b0f3e1c28cf3ffd8589a382abd';
const INCIDENT = 'inc-20261120-pretrk';

describe('a log written before tracks existed', () => {
  const db = join(dir.path, 'pre-tracks.db');
  copyFileSync(join(projectRoot, 'test/fixtures/logs/pre-tracks.db'), db);

  it('verifies, and the anchor kept then is found', async () => {
    const r = await runCli(['log', 'verify', '--db', db, '--anchor', ANCHOR]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`event #29 of ${INCIDENT}, unchanged up to there`);
  });

  it('replays as the one main track, at the step it had reached in the EU plan', async () => {
    const r = await runCli(['status', '--db', db, '--incident', INCIDENT, '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const status = JSON.parse(r.stdout) as { tracks: { id: string; planId: string; stepId: string; status: string }[] };
    expect(status.tracks).toEqual([expect.objectContaining({ id: 'main', planId: 'eu-circp', stepId: 'csirts-network-exchange', status: 'active' })]);
  });

  it('takes new events beside the old ones, and the old anchor still holds', async () => {
    expect((await runCli(['note', '--db', db, '--incident', INCIDENT, 'Resumed after the upgrade'])).exitCode).toBe(0);
    const r = await runCli(['log', 'verify', '--db', db, '--anchor', ANCHOR]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('30 events');
    const out = await runCli(['log', 'export', INCIDENT, '--db', db, '--format', 'json']);
    const events = (JSON.parse(out.stdout) as { events: { type: string; hash?: string }[] }).events;
    expect(events).toHaveLength(30);
    expect(events.at(-1)?.type).toBe('note-added');
  });
});
