import { describe, expect, it } from 'vitest';
import { fold, type IncidentEvent } from '../../../src/core/engine/index.js';
import { runExercise } from '../../../src/core/exercise/run.js';
import { Session } from '../engine/session.js';
import { exercise, hoursIn, plans, script } from './fixtures.js';

describe('runExercise', () => {
  it('plays the script through the engine: the same events a responder would produce', () => {
    const run = runExercise(exercise({ injects: [] }), plans());
    // The same choices made by hand through availableActions/eventsFor (test/unit/engine/session.ts).
    const s = new Session(plans(), { severity: 'large-scale' });
    s.act('action:0', {}, new Date(hoursIn(1)), 'national-csirt');
    s.act('notify:xx-ncp#ew-report@xx-ncp#triage', { notification: 'xx-ncp#ew-report' }, new Date(hoursIn(1)), 'Alice');
    s.act('continue', {}, new Date(hoursIn(2)), 'national-csirt');
    s.act('decide', { option: 'Large-scale' }, new Date(hoursIn(3)), 'national-csirt');
    s.act('notify:eu-circp#cyclone-sitrep@eu-circp#cyclone', { notification: 'eu-circp#cyclone-sitrep' }, new Date(hoursIn(4)), 'cyclone');
    s.act('decide', { option: 'Yes' }, new Date(hoursIn(5)), 'cyclone');
    s.act('close', { summary: 'Contained with EU support' }, new Date(hoursIn(6)), 'presidency');
    const strip = (e: IncidentEvent) => ({ ...e, actor: '' });
    expect(run.events.map(strip)).toEqual(s.log.map(strip));
    expect(run.problems).toEqual([]);
    expect(run.state).toEqual(fold(plans(), run.events));
    expect(run.state.closed).toBe(true);
  });

  it('gives the same run every time', () => {
    expect(runExercise(exercise(), plans())).toEqual(runExercise(exercise(), plans()));
  });

  it('releases injects as events by the facilitator, at their simulated time', () => {
    const run = runExercise(exercise(), plans());
    const injects = run.events.filter((e) => e.type === 'inject-released');
    expect(injects).toEqual([
      { type: 'inject-released', injectId: 'first-hospital', title: 'Hospital encrypted', message: 'A hospital reports encrypted systems.', at: hoursIn(0), actor: 'facilitator' },
      { type: 'inject-released', injectId: 'second-ms', title: 'Second Member State', message: 'A hospital abroad is hit too.', facts: { memberStates: 2 }, at: hoursIn(2), actor: 'facilitator' },
    ]);
    // The opening comes before the inject released at the same time.
    expect(run.events[0]?.type).toBe('incident-opened');
  });

  it('defaults the actor to the owner of the current step, and keeps a named one', () => {
    const run = runExercise(exercise(), plans());
    expect(run.events.find((e) => e.type === 'action-done')?.actor).toBe('national-csirt');
    expect(run.events.find((e) => e.type === 'notification-sent')?.actor).toBe('Alice');
    expect(run.events.find((e) => e.type === 'incident-closed')?.actor).toBe('presidency');
  });

  it('records a refused entry as a problem and goes on with the rest', () => {
    const broken = [...script];
    broken.splice(3, 0, { at: 'PT2H30M', do: 'decision', step: 'eu-circp#cyclone', option: 'Yes' }); // not there yet
    broken.splice(4, 0, { at: 'PT2H45M', do: 'decision', option: 'Huge' }); // no such option
    const run = runExercise(exercise({ script: broken }), plans());
    expect(run.problems).toEqual([
      { source: 'script', index: 3, offset: 'PT2H30M', message: 'script entry 4 at PT2H30M (decision): not possible: the incident is at xx-ncp#assess, not at eu-circp#cyclone' },
      { source: 'script', index: 4, offset: 'PT2H45M', message: 'script entry 5 at PT2H45M (decision): not possible: "Huge" is not an option of this decision.' },
    ]);
    expect(run.state.closed).toBe(true); // the rest of the script still ran
    expect(run.state.decisions.map((d) => d.label)).toEqual(['Large-scale', 'Yes']);
  });

  it('refuses entries after the close and injects after the close, without crashing', () => {
    const late = [...script, { at: 'PT7H', do: 'note' as const, text: 'too late' }];
    const run = runExercise(exercise({ script: late, injects: [{ id: 'late', at: 'PT8H', title: 'Late', message: 'After the close' }] }), plans());
    expect(run.problems.map((p) => p.message)).toEqual([
      'script entry 8 at PT7H (note): not possible: the incident is already closed',
      'inject late at PT8H: not possible: The incident is closed; a "inject-released" event cannot follow.',
    ]);
  });

  it('stops at an explicit end and judges from there', () => {
    const run = runExercise(exercise({ end: 'PT3H30M' }), plans());
    expect(run.end.toISOString()).toBe(new Date(Date.parse(hoursIn(3)) + 1_800_000).toISOString());
    // Nothing after the end is played; the facilitator closes the incident at ENDEX.
    expect(run.state.decisions.map((d) => d.label)).toEqual(['Large-scale']);
    expect(run.events.at(-2)?.at).toBe(hoursIn(3));
    expect(run.events.at(-1)).toEqual({
      type: 'incident-closed',
      summary: 'Exercise hospital-ransomware ended (ENDEX at PT3H30M).',
      at: run.end.toISOString(),
      actor: 'facilitator',
    });
  });

  it('ends at the last cue when no end is given', () => {
    expect(runExercise(exercise(), plans()).end.toISOString()).toBe(hoursIn(6));
  });

  it('opens later than awareness when told, with awareness clocks from awareness', () => {
    const run = runExercise(exercise({ incident: { title: 'x', awareness: 'PT0S', opened: 'PT30M' }, injects: [], script: [] }), plans());
    expect(run.events[0]).toMatchObject({ type: 'incident-opened', at: new Date(Date.parse(hoursIn(0)) + 1_800_000).toISOString(), awareness: hoursIn(0) });
    expect(run.state.clocks.find((c) => c.clockId === 'early-warning')?.startedAt).toBe(hoursIn(0));
  });

  it('turns every verb into its engine action', () => {
    const run = runExercise(
      exercise({
        injects: [],
        script: [
          { at: 'PT1H', do: 'note', text: 'Ransom note found' },
          { at: 'PT1H', do: 'start-clock', clock: 'intermediate' },
          { at: 'PT1H', do: 'escalate', level: 'operational', reason: 'press interest' },
          { at: 'PT2H', do: 'skip', step: 'triage', reason: 'already triaged' },
          { at: 'PT3H', do: 'notify', notification: 'interim' }, // not at this step: recorded
          { at: 'PT3H', do: 'decision', option: 1 },
          { at: 'PT4H', do: 'continue', step: 'coordinate' },
        ],
      }),
      plans(),
    );
    expect(run.problems).toEqual([]);
    expect(run.state.notes.map((n) => n.text)).toEqual(['Ransom note found']);
    expect(run.state.clocks.find((c) => c.clockId === 'intermediate')?.metAt).toBe(hoursIn(3));
    expect(run.state.escalations[0]).toMatchObject({ to: 'operational', reason: 'press interest' });
    expect(run.state.skipped).toMatchObject([{ stepId: 'triage', reason: 'already triaged' }]);
    expect(run.state.tracks[0]?.at).toEqual({ planId: 'xx-ncp', stepId: 'recover' });
  });
});
