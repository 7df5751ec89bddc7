// Facilitated play on the walkthrough: injects on demand or on an accelerated clock, time moves,
// pause keeps the exercise clock, ENDEX ends the walk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fold, openIncident, type IncidentEvent } from '../../../src/core/engine/index.js';
import { facilitatorHooks } from '../../../src/core/exercise/facilitation.js';
import { injectSchedule, pendingInjects, PlayClock, resumePoint } from '../../../src/core/exercise/pacer.js';
import type { Exercise } from '../../../src/core/exercise/types.js';
import type { Plan } from '../../../src/core/plan/types.js';
import { plainStyler } from '../../../src/core/report/styler.js';
import { walk } from '../../../src/core/walkthrough/walk.js';
import { BufferScreen, FakeClock, FakeRunner, MemoryEventLog, ScriptedPrompter, type Answer, FakeInterrupts, fakeWorkdir } from '../../helpers/fakes.js';

const fixtures = join(import.meta.dirname, '../../fixtures');
const plan = parse(readFileSync(join(fixtures, 'plans/walk-plan.yaml'), 'utf8')) as Plan;
const exercise = parse(readFileSync(join(fixtures, 'exercises/walk-drill.yaml'), 'utf8')) as Exercise;
const plans = new Map([[plan.metadata.id, plan]]);
const start = new Date('2026-03-02T08:00:00.000Z');
const hours = (h: number) => new Date(start.getTime() + h * 3600_000);

function play(answers: Answer[], speed?: number) {
  const log = new MemoryEventLog<IncidentEvent>();
  log.createNow({ id: 'ex-1', title: 'Exercise', planId: 'walk-test', createdAt: start.toISOString(), plans: [] });
  log.appendAllNow('ex-1', openIncident(plans, { planId: 'walk-test', title: 'Drill incident', awareness: start, at: start, actor: 'csirt' }));
  const real = new FakeClock(new Date('2030-01-01T00:00:00.000Z'));
  const clock = new PlayClock(real, start, speed);
  const prompter = new ScriptedPrompter(answers);
  const schedule = injectSchedule(exercise, start);
  const hooks = facilitatorHooks({ log, plans, incidentId: 'ex-1', exercise, schedule, start, clock, prompter, styler: plainStyler });
  const deps = { log, prompter, screen: new BufferScreen(), clock, runner: new FakeRunner(), styler: plainStyler, formatTime: (iso: string) => iso, workdir: fakeWorkdir, interrupts: new FakeInterrupts() };
  const state = () => fold(plans, log.eventsNow('ex-1').map((r) => r.event));
  return { log, real, clock, deps, state, run: () => walk(deps, { incidentId: 'ex-1', plans, actor: 'players', hooks }) };
}

describe('PlayClock', () => {
  it('stands still when paced by the facilitator, and only moves forward', () => {
    const real = new FakeClock(new Date('2030-01-01T00:00:00Z'));
    const clock = new PlayClock(real, start, undefined);
    real.advance(3600_000);
    expect(clock.now()).toEqual(start);
    clock.advanceTo(hours(2));
    clock.advanceTo(hours(1));
    expect(clock.now()).toEqual(hours(2));
  });

  it('runs speed times real time from where it was resumed', () => {
    const real = new FakeClock(new Date('2030-01-01T00:00:00Z'));
    const clock = new PlayClock(real, hours(2), 60);
    real.advance(60_000); // one real minute is one exercise hour
    expect(clock.now()).toEqual(hours(3));
  });
});

describe('facilitated play', () => {
  it('releases injects when the facilitator says so and stamps player actions with exercise time', async () => {
    const p = play([
      { select: 'release the next inject "First call"' },
      { select: 'move exercise time forward' },
      { input: 'PT30M' },
      { select: 'Record receipt of the early warning' },
      { select: 'Duty phone' },
      { input: '' },
      { confirm: true },
      { select: 'release the next inject "Second Member State"' },
      { select: 'end the exercise' },
      { confirm: true },
    ]);
    await expect(p.run()).resolves.toBe('ended');
    const events = p.log.eventsNow('ex-1').map((r) => r.event);
    const injects = events.filter((e) => e.type === 'inject-released').map((e) => [e.type === 'inject-released' ? e.injectId : '', e.at]);
    expect(injects).toEqual([
      ['first-call', start.toISOString()],
      ['second-country', hours(2).toISOString()],
    ]);
    expect(events.find((e) => e.type === 'notification-sent')?.at).toBe(hours(0.5).toISOString());
    expect(p.deps.screen.text).toContain('Latest inject: Second Member State');
    expect(p.deps.prompter.live.join('')).toContain('T+30 min (paced by the facilitator)'); // the exercise time is drawn live
  });

  it('releases due injects by itself on an accelerated clock', async () => {
    const p = play([{ select: 'Refresh' }, { select: 'Pause' }], 60);
    p.real.advance(3 * 60_000); // three real minutes: T+3 h
    await p.run();
    expect(p.state().injects.map((i) => i.injectId)).toEqual(['first-call', 'second-country']);
    expect(pendingInjects(injectSchedule(exercise, start), p.state())).toEqual([]);
  });

  it('resumes where exercise time stood', () => {
    const state = fold(plans, [...openIncident(plans, { planId: 'walk-test', title: 't', awareness: start, at: hours(1), actor: 'a' })]);
    expect(resumePoint(state, start)).toEqual(hours(1));
  });

  it('does not end the exercise when the facilitator thinks better of it', async () => {
    const p = play([{ select: 'end the exercise' }, { confirm: false }, { select: 'Pause' }]);
    await expect(p.run()).resolves.toBe('paused');
  });
});

describe('injects on an accelerated clock while the menu waits', () => {
  it('come out one per screen, each shown for a while before the next, and wake the menu when due', async () => {
    const log = new MemoryEventLog<IncidentEvent>();
    log.createNow({ id: 'ex-2', title: 'Exercise', planId: 'walk-test', createdAt: start.toISOString(), plans: [] });
    log.appendAllNow('ex-2', openIncident(plans, { planId: 'walk-test', title: 'Drill incident', awareness: start, at: start, actor: 'csirt' }));
    const real = new FakeClock(new Date('2030-01-01T00:00:00.000Z'));
    const clock = new PlayClock(real, start, 3600); // an exercise hour each real second
    const hooks = facilitatorHooks({ log, plans, incidentId: 'ex-2', exercise, schedule: injectSchedule(exercise, start), start, clock, prompter: new ScriptedPrompter([]), styler: plainStyler });
    const state = () => fold(plans, log.eventsNow('ex-2').map((r) => r.event));
    const released = () => state().injects.map((i) => i.injectId);

    real.advance(3_000); // T+3 h: both injects are due
    await hooks.beforeScreen?.(state());
    expect(released()).toEqual(['first-call']); // one, shown on its own screen
    expect(hooks.wakeInMs?.(state())).toBe(4_000); // the next waits until this one was seen
    real.advance(4_000);
    expect(hooks.wakeInMs?.(state())).toBe(0);
    await hooks.beforeScreen?.(state());
    expect(released()).toEqual(['first-call', 'second-country']);
    expect(hooks.wakeInMs?.(state())).toBeUndefined(); // nothing left to wait for
    expect(hooks.live?.()).toMatch(/T\+7 h .*\(×3600\)/); // 3 s and 4 s at an hour a second
  });

  it('wakes the menu when the next inject comes due', async () => {
    const p = play([], 60); // an exercise minute each real second
    const s = p.state();
    const hooks = facilitatorHooks({ log: p.log, plans, incidentId: 'ex-1', exercise, schedule: injectSchedule(exercise, start), start, clock: p.clock, prompter: new ScriptedPrompter([]), styler: plainStyler });
    await hooks.beforeScreen?.(s); // the first inject, due at T+0
    p.real.advance(4_000);
    // The second is due at T+2 h: 120 real seconds at ×60, less the 4 s gone.
    expect(hooks.wakeInMs?.(p.state())).toBeCloseTo(116_000, -2);
  });
});
