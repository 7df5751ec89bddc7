// A replay checkpoint must lead where a full replay leads: resumed at any event of a real run,
// the head state agrees with the full state on everything but the history it leaves out, and
// its own checkpoint is the full state's, byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fromCheckpoint, HEAD_WINDOW, resumeHead, toCheckpoint } from '../../../src/core/engine/checkpoint.js';
import type { IncidentEvent } from '../../../src/core/engine/events.js';
import { fold } from '../../../src/core/engine/fold.js';
import type { Plans } from '../../../src/core/engine/refs.js';
import type { IncidentState } from '../../../src/core/engine/state.js';
import { runExercise } from '../../../src/core/exercise/run.js';
import type { Exercise } from '../../../src/core/exercise/types.js';
import type { Plan } from '../../../src/core/plan/types.js';
import { bundledPlanFiles, loadPlan } from '../playbooks/bundled-files.js';
import { bundledExercises, root } from '../exercise/bundled-exercises.js';
import { hoursAfter } from './fixtures.js';
import { Session } from './session.js';

// Through JSON, as the log stores it.
const stored = (state: IncidentState): unknown => JSON.parse(JSON.stringify(toCheckpoint(state)));

function withoutHistory(state: IncidentState): Omit<IncidentState, 'timeline' | 'notes'> {
  const { timeline: _t, notes: _n, ...rest } = state;
  return JSON.parse(JSON.stringify(rest)) as Omit<IncidentState, 'timeline' | 'notes'>;
}

function checkEveryCut(plans: Plans, events: readonly IncidentEvent[], cuts: readonly number[]): void {
  const full = fold(plans, events);
  for (const cut of cuts) {
    const head = fromCheckpoint(stored(fold(plans, events.slice(0, cut))));
    expect(head).toBeDefined();
    const resumed = resumeHead(head as IncidentState, events.slice(cut), plans);
    expect(resumed, `resumed after event ${cut}`).toBeDefined();
    const state = resumed as IncidentState;
    expect(withoutHistory(state)).toEqual(withoutHistory(full));
    expect(state.timeline.length).toBe(full.timeline.length);
    expect(stored(state)).toEqual(stored(full));
  }
}

describe('replay checkpoints', () => {
  const plans = new Map<string, Plan>(bundledPlanFiles.map((f) => loadPlan(f)).map((p) => [p.metadata.id, p]));

  it.each(bundledExercises)('resume %s at every event to the state a full replay gives', (file) => {
    const exercise = parse(readFileSync(join(root, file), 'utf8')) as Exercise;
    const { events } = runExercise(exercise, plans);
    expect(events.length).toBeGreaterThan(10);
    checkEveryCut(plans, events, events.map((_, i) => i));
  });

  it('keeps only the last entries of a long history, and the length that numbers the next', () => {
    const s = new Session();
    for (let i = 0; i < HEAD_WINDOW + 50; i++) s.act('note', { text: `note ${i}` }, hoursAfter(1));
    const checkpoint = toCheckpoint(s.state);
    expect(checkpoint.timelineLength).toBe(s.state.timeline.length);
    expect(checkpoint.timeline).toHaveLength(HEAD_WINDOW);
    expect(checkpoint.notes.length).toBeLessThanOrEqual(HEAD_WINDOW);
    expect(checkpoint.notes.at(-1)?.text).toBe(`note ${HEAD_WINDOW + 49}`);
    checkEveryCut(s.plans, s.log, [s.log.length - 10, s.log.length - HEAD_WINDOW - 5, 3]);
  });

  it('resumes across a retraction inside the window, and gives up on one before it', () => {
    const s = new Session();
    s.act('note', { text: 'Hospitl A encrypted' }, hoursAfter(1));
    const old = s.log.length;
    for (let i = 0; i < HEAD_WINDOW + 5; i++) s.act('note', { text: `note ${i}` }, hoursAfter(2));
    const cut = s.log.length;
    s.act('note', { text: 'typo here' }, hoursAfter(3));
    s.act('retract', { seq: s.log.length, reason: 'typo' }, hoursAfter(3));
    checkEveryCut(s.plans, s.log, [cut]);
    // The screen offers only recent entries, but a log may hold an older retraction (a script
    // wrote it): the entry is older than the window, so only a full replay knows it.
    const late: IncidentEvent = { type: 'entry-retracted', seq: old, reason: 'wrong hospital', at: hoursAfter(4).toISOString(), actor: 'ben' };
    const events = [...s.log, late];
    expect(fold(s.plans, events).timeline[old - 1]?.retracted?.reason).toBe('wrong hospital');
    const head = fromCheckpoint(stored(fold(s.plans, events.slice(0, cut)))) as IncidentState;
    expect(resumeHead(head, events.slice(cut), s.plans)).toBeUndefined();
  });

  it('refuses what is not a checkpoint', () => {
    for (const value of [null, 3, 'x', {}, { state: {}, timelineLength: -1, timeline: [], notes: [] }, { state: {}, timelineLength: 1, timeline: [{}, {}], notes: [] }]) {
      expect(fromCheckpoint(value)).toBeUndefined();
    }
  });
});
