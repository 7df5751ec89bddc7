import { describe, expect, it } from 'vitest';
import { apply } from '../../../src/core/engine/apply.js';
import { fold } from '../../../src/core/engine/fold.js';
import { initialState } from '../../../src/core/engine/state.js';
import { timeline } from '../../../src/core/engine/timeline.js';
import { hoursAfter, plans } from './fixtures.js';
import { Session } from './session.js';

/** A whole incident: national triage, escalation into the EU plan, IPCR, close. */
function fullIncident(): Session {
  const s = new Session();
  s.act('action:0', {}, hoursAfter(1));
  s.act('notify:xx-ncp#ew-report@xx-ncp#triage', {}, hoursAfter(2));
  s.act('continue', {}, hoursAfter(3), 'bob');
  s.act('note', { text: 'Three Member States report the same strain' }, hoursAfter(4));
  s.act('decide', { option: 'Large-scale' }, hoursAfter(5));
  s.act('notify:eu-circp#cyclone-sitrep@eu-circp#cyclone', {}, hoursAfter(6));
  s.act('decide', { option: 'Yes' }, hoursAfter(7));
  s.act('record-notification', { notification: 'xx-ncp#in-report' }, hoursAfter(8));
  s.act('continue', {}, hoursAfter(9));
  s.act('close', { summary: 'Handled at Union level' }, hoursAfter(10));
  return s;
}

describe('hand-over into the EU plan', () => {
  it('keeps both plans in the state and the timeline', () => {
    const s = fullIncident();
    expect(s.state.plans).toEqual(['xx-ncp', 'eu-circp']);
    expect(s.state.handovers).toHaveLength(1);
    expect(s.state.visited.map((v) => `${v.planId}#${v.stepId}`)).toEqual([
      'xx-ncp#triage',
      'xx-ncp#assess',
      'eu-circp#cyclone',
      'eu-circp#ipcr',
      'eu-circp#eu-close',
    ]);
    expect(s.state.level).toEqual({ planId: 'eu-circp', id: 'strategic', rank: 3 });
    const lines = timeline(s.state);
    expect(new Set(lines.map((l) => l.planId))).toEqual(new Set(['xx-ncp', 'eu-circp']));
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
    const handover = lines.find((l) => l.type === 'plan-handed-over');
    expect(handover).toMatchObject({ planId: 'xx-ncp', stepId: 'assess', summary: 'Handed over from xx-ncp#assess to eu-circp#cyclone' });
    expect(lines.find((l) => l.type === 'step-entered' && l.stepId === 'cyclone')).toMatchObject({ planId: 'eu-circp', summary: 'Entered step cyclone: EU-CyCLONe activation' });
    expect(lines.find((l) => l.type === 'note-added')).toMatchObject({ planId: 'xx-ncp', stepId: 'assess', actor: 'alice' });
    expect(lines.at(-1)).toMatchObject({ type: 'incident-closed', planId: 'eu-circp', summary: 'Incident closed: Handled at Union level' });
  });

  it('names the level after the plan the incident is in once it hands over at the same rank', () => {
    const P = plans();
    const eu = P.get('eu-circp');
    if (!eu) throw new Error('fixture');
    // The EU plan calls rank 2 by a name of its own: after the hand-over the header must use it.
    P.set('eu-circp', { ...eu, levels: eu.levels.map((l) => (l.rank === 2 ? { ...l, id: 'eu-operational', title: 'EU operational' } : l)), steps: eu.steps.map((st) => (st.level === 'operational' ? { ...st, level: 'eu-operational' } : st)) });
    const s = new Session(P);
    s.act('continue', {}, hoursAfter(1));
    s.act('decide', { option: 'Large-scale' }, hoursAfter(2)); // escalates to national operational, then hands over
    expect(s.state.level).toEqual({ planId: 'eu-circp', id: 'eu-operational', rank: 2 });
    expect(s.log.filter((e) => e.type === 'level-escalated')).toHaveLength(1); // a new name is no new level
  });

  it('builds the same timeline from the events as from the state', () => {
    const s = fullIncident();
    expect(timeline(s.log, s.plans)).toEqual(timeline(s.state));
  });

  it('meets national clocks after the hand-over and runs EU clocks beside them', () => {
    const s = fullIncident();
    const clocks = s.state.clocks.map((c) => `${c.planId}#${c.clockId}:${c.metAt ? 'met' : 'running'}`);
    expect(clocks).toEqual([
      'xx-ncp#early-warning:met',
      'xx-ncp#notification:met',
      'xx-ncp#dora-initial:running',
      'eu-circp#eu-sitrep:met',
      'xx-ncp#final-report:running',
    ]);
  });
});

describe('replay', () => {
  it('equals live application after every event', () => {
    const s = fullIncident();
    let live = initialState();
    s.log.forEach((event, i) => {
      live = apply(live, event, s.plans);
      expect(fold(s.plans, s.log.slice(0, i + 1))).toEqual(live);
    });
    expect(live).toEqual(s.state);
  });

  it('survives a JSON round trip of the log (as stored in SQLite)', () => {
    const s = fullIncident();
    const stored = JSON.parse(JSON.stringify(s.log)) as typeof s.log;
    expect(fold(s.plans, stored)).toEqual(s.state);
    expect(JSON.parse(JSON.stringify(s.state))).toEqual(s.state);
  });

  it('stops at the first event the plans cannot explain', () => {
    const s = fullIncident();
    const without = new Map([...s.plans].filter(([id]) => id !== 'eu-circp'));
    expect(() => fold(without, s.log)).toThrow(expect.objectContaining({ code: 'unknown-plan' }));
  });
});
