// The live walkthrough with parallel tracks: the TRACKS section stays on the step screen, the track
// picker switches the step shown, and the compact head by the menu names the focused track's step.
import { describe, expect, it } from 'vitest';
import { openIncident, type IncidentEvent } from '../../../src/core/engine/index.js';
import type { Plan, Step } from '../../../src/core/plan/types.js';
import { plainStyler } from '../../../src/core/report/styler.js';
import { walk } from '../../../src/core/walkthrough/walk.js';
import { BufferScreen, FakeClock, FakeInterrupts, FakeRunner, MemoryEventLog, ScriptedPrompter, fakeWorkdir, type Answer } from '../../helpers/fakes.js';
import { eu, national } from '../engine/fixtures.js';

const step = (id: string, title: string, more: Partial<Step>): Step => ({ id, title, phase: 'response', level: 'technical', owner: 'national-csirt', basis: 'plan', ...more });
const plan: Plan = {
  ...national,
  steps: [
    step('fork', 'Contain the outbreak', { startsTracks: ['report'], next: 'meet', description: Array.from({ length: 25 }, (_, n) => `Line ${n}.`).join('\n') }),
    step('report', 'Report to the crisis authority', { owner: 'crisis-authority', next: 'meet' }),
    step('meet', 'Meet', { join: 'all', next: 'done' }),
    step('done', 'Done', { end: true }),
  ],
};
const plans = new Map([
  [plan.metadata.id, plan],
  [eu.metadata.id, eu],
]);
const start = new Date('2026-03-01T08:00:00.000Z');

function setup(answers: Answer[], rows: number) {
  const log = new MemoryEventLog<IncidentEvent>();
  log.createNow({ id: 'inc-t', title: 'Tracks', planId: plan.metadata.id, createdAt: start.toISOString(), plans: [] });
  log.appendAllNow('inc-t', openIncident(plans, { planId: plan.metadata.id, title: 'Tracks', awareness: start, at: start, actor: 'ana' }));
  const prompter = new ScriptedPrompter(answers);
  const screen = new BufferScreen(80, rows);
  const deps = { log, prompter, screen, clock: new FakeClock(start), runner: new FakeRunner(), styler: plainStyler, formatTime: (iso: string) => iso, workdir: fakeWorkdir, interrupts: new FakeInterrupts() };
  return { deps, prompter, screen };
}

describe('walk with parallel tracks', () => {
  it('keeps the TRACKS section and the picker, and the compact head follows the track picked', async () => {
    const { deps, prompter, screen } = setup([{ select: 'Work on the other track' }, { select: 'key:p' }], 24);
    await expect(walk(deps, { incidentId: 'inc-t', plans, actor: 'ana' })).resolves.toBe('paused');
    expect(screen.text).toContain('TRACKS');
    expect(prompter.live[0]).toContain('STEP  Contain the outbreak');
    expect(prompter.live[1]).toContain('STEP  Report to the crisis authority'); // the picked track, by the menu
    expect(screen.text).toContain('▸ Report to the crisis authority');
  });
});
