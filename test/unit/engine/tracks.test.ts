// Parallel tracks: a fork, a join that waits for every track that can still reach it, a join that
// opens at the first, a hand-over that starts a track in another plan, and old logs as one track.
import { describe, expect, it } from 'vitest';
import type { Plan, Step } from '../../../src/core/plan/types.js';
import type { Plans } from '../../../src/core/engine/refs.js';
import { availableActions } from '../../../src/core/engine/available.js';
import { fold } from '../../../src/core/engine/fold.js';
import { EngineError } from '../../../src/core/engine/errors.js';
import { Session } from './session.js';
import { eu, national } from './fixtures.js';

const at = (m: number) => new Date(Date.UTC(2026, 2, 1, 8, m));
const step = (id: string, more: Partial<Step>): Step => ({ id, title: id, phase: 'response', level: 'technical', owner: 'national-csirt', basis: 'plan', ...more });

/** The national fixture plan with its flow replaced by `steps`. */
function withSteps(steps: Step[]): Plans {
  const plan: Plan = { ...national, steps };
  return new Map([
    [plan.metadata.id, plan],
    [eu.metadata.id, eu],
  ]);
}

const where = (s: Session) => s.state.tracks.map((t) => `${t.id}:${t.at.stepId}:${t.status}`);

describe('tracks', () => {
  const forkJoin = (join: 'all' | 'first') =>
    withSteps([
      step('fork', { startsTracks: ['report'], next: 'contain' }),
      step('contain', { actions: ['Isolate'], next: 'meet' }),
      step('report', { owner: 'crisis-authority', next: 'meet' }),
      step('meet', { join, next: 'done' }),
      step('done', { end: true }),
    ]);

  it('a step that starts a track runs it beside its own, each with its owner', () => {
    const s = new Session(forkJoin('all'));
    expect(where(s)).toEqual(['main:fork:active', 't2:report:active']);
    const ids = availableActions(s.state, s.plans).map((a) => a.id);
    expect(ids).toContain('continue@xx-ncp#fork');
    expect(ids).toContain('continue@xx-ncp#report');
    // Focused on one track: only its step work, the suggestion among it.
    const focused = availableActions(s.state, s.plans, 't2');
    expect(focused.filter((a) => 'track' in a).map((a) => a.id)).toEqual(['continue@xx-ncp#report', 'skip@xx-ncp#report']);
    expect(focused.find((a) => a.suggested)?.id).toBe('continue@xx-ncp#report');
  });

  it('a decision or move in one track never moves another', () => {
    const s = new Session(forkJoin('all'));
    s.act('continue@xx-ncp#fork', {}, at(1));
    expect(where(s)).toEqual(['main:contain:active', 't2:report:active']);
  });

  it('a join waits for every track that can still reach it, then goes on as one track', () => {
    const s = new Session(forkJoin('all'));
    s.act('continue@xx-ncp#fork', {}, at(1));
    s.act('continue@xx-ncp#contain', {}, at(2));
    expect(where(s)).toEqual(['main:meet:waiting', 't2:report:active']);
    expect(availableActions(s.state, s.plans).some((a) => a.id === 'continue@xx-ncp#meet')).toBe(false);
    const events = s.act('continue@xx-ncp#report', {}, at(3));
    expect(events.map((e) => e.type)).toEqual(['step-entered', 'track-ended']);
    expect(events[0]).toMatchObject({ track: 't2', stepId: 'meet' });
    expect(events[1]).toMatchObject({ track: 'main', reason: 'joined', into: 't2' });
    expect(where(s)).toEqual(['t2:meet:active']);
    expect(fold(s.plans, s.log)).toEqual(s.state); // still a pure fold of the events
  });

  it('a join opens when the last track that could reach it goes elsewhere', () => {
    const plans = withSteps([
      step('fork', { startsTracks: ['report'], next: 'contain' }),
      step('contain', { next: 'meet' }),
      step('report', { decision: { question: 'Report?', options: [{ label: 'Yes', next: 'meet' }, { label: 'Stop', next: 'stop' }] } }),
      step('stop', { end: true }),
      step('meet', { join: 'all', next: 'done' }),
      step('done', { end: true }),
    ]);
    const s = new Session(plans);
    s.act('continue@xx-ncp#fork', {}, at(1));
    s.act('continue@xx-ncp#contain', {}, at(2));
    expect(where(s)).toEqual(['main:meet:waiting', 't2:report:active']);
    s.act('decide@xx-ncp#report', { option: 'Stop' }, at(3));
    expect(where(s)).toEqual(['main:meet:active', 't2:stop:active']);
    // An end step while another track runs: the track ends on its own; the last one closes.
    s.act('end@xx-ncp#stop', {}, at(4));
    expect(where(s)).toEqual(['main:meet:active']);
    expect(s.state.endedTracks).toMatchObject([{ id: 't2', reason: 'end' }]);
  });

  it('a join does not wait for tracks not started yet, and one that comes after it opened joins the track that went on', () => {
    const plans = withSteps([
      step('fork', { startsTracks: ['report'], next: 'contain' }),
      step('contain', { next: 'meet' }),
      // The report track could start another track that reaches the join, but does not reach it itself.
      step('report', { decision: { question: 'Call for help?', options: [{ label: 'Yes', next: 'stop', startsTracks: ['help'] }, { label: 'No', next: 'stop' }] } }),
      step('help', { next: 'meet' }),
      step('stop', { end: true }),
      step('meet', { join: 'all', next: 'done' }),
      step('done', { end: true }),
    ]);
    const s = new Session(plans);
    s.act('continue@xx-ncp#fork', {}, at(1));
    s.act('continue@xx-ncp#contain', {}, at(2));
    expect(where(s)).toEqual(['main:meet:active', 't2:report:active']);
    s.act('decide@xx-ncp#report', { option: 'Yes' }, at(3));
    expect(where(s)).toEqual(['main:meet:active', 't2:stop:active', 't3:help:active']);
    const events = s.act('continue@xx-ncp#help', {}, at(4));
    expect(events).toMatchObject([{ type: 'track-ended', track: 't3', stepId: 'meet', reason: 'joined', into: 'main' }]);
    expect(where(s)).toEqual(['main:meet:active', 't2:stop:active']);
    expect(fold(s.plans, s.log)).toEqual(s.state);
  });

  it('a first-arrival join: the first goes on, a later arrival ends there', () => {
    const s = new Session(forkJoin('first'));
    s.act('continue@xx-ncp#fork', {}, at(1));
    s.act('continue@xx-ncp#contain', {}, at(2));
    expect(where(s)).toEqual(['main:meet:active', 't2:report:active']);
    s.act('continue@xx-ncp#meet', {}, at(3));
    const events = s.act('continue@xx-ncp#report', {}, at(4));
    expect(events).toMatchObject([{ type: 'track-ended', track: 't2', stepId: 'meet', reason: 'joined', into: 'main' }]);
    expect(where(s)).toEqual(['main:done:active']);
  });

  it('tracks that meet at a step merge, so no two work one step', () => {
    const plans = withSteps([
      step('fork', { startsTracks: ['report'], next: 'contain' }),
      step('contain', { next: 'done' }),
      step('report', { next: 'done' }),
      step('done', { end: true }),
    ]);
    const s = new Session(plans);
    s.act('continue@xx-ncp#fork', {}, at(1));
    s.act('continue@xx-ncp#contain', {}, at(2));
    s.act('continue@xx-ncp#report', {}, at(3));
    expect(where(s)).toEqual(['main:done:active']);
    expect(s.state.endedTracks).toMatchObject([{ id: 't2', reason: 'joined', into: 'main' }]);
  });

  it('a decision option can start a track in another plan while the national one goes on', () => {
    const plans = withSteps([
      step('assess', { decision: { question: 'Large-scale?', options: [{ label: 'Yes', next: 'coordinate', startsTracks: ['eu-circp#cyclone'], escalate: 'operational' }, { label: 'No', next: 'done' }] } }),
      step('coordinate', { owner: 'crisis-authority', next: 'done' }),
      step('done', { end: true }),
    ]);
    const s = new Session(plans);
    const events = s.act('decide@xx-ncp#assess', { option: 'Yes' }, at(1));
    expect(events.map((e) => e.type)).toEqual(['decision-taken', 'level-escalated', 'track-started', 'clock-started', 'step-entered']);
    expect(where(s)).toEqual(['main:coordinate:active', 't2:cyclone:active']);
    expect(s.state.plans).toEqual(['xx-ncp', 'eu-circp']);
    expect(s.state.clocks.map((c) => c.clockId)).toContain('eu-sitrep');
    // A note is written at the step of the track it names.
    s.act('note', { text: 'EU side informed', track: 't2' }, at(2));
    expect(s.state.notes.at(-1)).toMatchObject({ planId: 'eu-circp', stepId: 'cyclone' });
  });

  it('refuses an event for a step no track works at, and a track that was never started', () => {
    const s = new Session(forkJoin('all'));
    expect(() => fold(s.plans, [...s.log, { type: 'step-entered', planId: 'xx-ncp', stepId: 'done', track: 't9', at: at(1).toISOString(), actor: 'a' }])).toThrow(EngineError);
    expect(() => fold(s.plans, [...s.log, { type: 'action-done', planId: 'xx-ncp', stepId: 'contain', index: 0, text: 'Isolate', at: at(1).toISOString(), actor: 'a' }])).toThrow(/not a current step/);
  });

  it('replays a log written before tracks existed as the one main track', () => {
    // The events today's single-track logs hold: no track field anywhere.
    const s = new Session();
    s.act('continue@xx-ncp#triage', {}, at(1));
    s.act('decide@xx-ncp#assess', { option: 'Large-scale' }, at(2));
    expect(s.log.some((e) => 'track' in e)).toBe(false);
    const replayed = fold(s.plans, s.log);
    expect(replayed.tracks).toMatchObject([{ id: 'main', planId: 'eu-circp', at: { planId: 'eu-circp', stepId: 'cyclone' }, status: 'active' }]);
  });
});
