import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/core/engine/actions.js';
import { availableActions } from '../../../src/core/engine/available.js';
import { initialState } from '../../../src/core/engine/state.js';
import { hoursAfter, plans } from './fixtures.js';
import { Session } from './session.js';

const ids = (s: Session) => availableActions(s.state, s.plans).map((a) => a.id);
const suggested = (s: Session) => availableActions(s.state, s.plans).filter((a) => a.suggested).map((a) => a.id);
const find = <K extends Action['kind']>(s: Session, kind: K) =>
  availableActions(s.state, s.plans).find((a): a is Extract<Action, { kind: K }> => a.kind === kind);

describe('availableActions', () => {
  it('offers nothing before the incident is opened', () => {
    expect(availableActions(initialState(), plans())).toEqual([]);
  });

  it('at the start step: actions, its notification, moving on, and the general actions', () => {
    const s = new Session();
    expect(ids(s)).toEqual([
      'action:0@xx-ncp#triage',
      'action:1@xx-ncp#triage',
      'notify:xx-ncp#ew-report@xx-ncp#triage',
      'continue@xx-ncp#triage',
      'note',
      'record-notification',
      'start-clock',
      'waive-clock',
      'escalate',
      'skip@xx-ncp#triage',
      'close',
      'view-status',
      'view-timeline',
    ]);
    expect(suggested(s)).toEqual(['action:0@xx-ncp#triage']);
    expect(find(s, 'continue')).toMatchObject({ to: { planId: 'xx-ncp', stepId: 'assess' }, pending: { actions: ['Collect indicators', 'Check affected sectors'], notifications: ['ew-report'] } });
    expect(find(s, 'escalate')?.levels.map((l) => l.id)).toEqual(['operational', 'strategic']);
    expect(find(s, 'start-clock')?.clocks.map((c) => c.id)).toEqual(['intermediate', 'dora-initial', 'sitrep']);
    expect(find(s, 'send-notification')?.notification).toEqual({ planId: 'xx-ncp', id: 'ew-report', title: 'Early warning report', to: 'national-csirt', toTitle: 'National CSIRT', channel: 'portal', clock: 'early-warning', tlp: 'AMBER' });
  });

  it('words menu entries as sentences with titles, from the side of the step owner', () => {
    const s = new Session();
    // The owner (the national CSIRT) receives the early warning: it records it, it does not send it.
    expect(find(s, 'send-notification')?.label).toBe('Record receipt of the early warning report');
    expect(find(s, 'continue')?.label).toBe('Continue to assess scale');
    expect(find(s, 'skip-step')?.label).toBe('Skip this step (triage)');
    const P = plans();
    const national = P.get('xx-ncp');
    if (!national) throw new Error('fixture');
    P.set('xx-ncp', {
      ...national,
      roles: [...national.roles, { id: 'entity', title: 'the affected entity', type: 'private-stakeholder' }],
      notifications: (national.notifications ?? []).map((n) => (n.id === 'ew-report' ? { ...n, from: 'entity' } : n)),
    });
    expect(find(new Session(P), 'send-notification')?.label).toBe('Record receipt of the early warning report from the affected entity');
    P.set('xx-ncp', { ...national, notifications: (national.notifications ?? []).map((n) => (n.id === 'ew-report' ? { ...n, to: 'crisis-authority' } : n)) });
    expect(find(new Session(P), 'send-notification')?.label).toBe('Send the early warning report to Crisis authority');
    P.set('xx-ncp', { ...national, notifications: (national.notifications ?? []).map((n) => (n.id === 'ew-report' ? { ...n, title: 'Feedback to the hospital', to: 'crisis-authority' } : n)) });
    expect(find(new Session(P), 'send-notification')?.label).toBe('Send the feedback to the hospital');
  });

  it('drops done actions and sent notifications, then suggests moving on', () => {
    const s = new Session();
    s.act('action:0', {}, hoursAfter(1));
    s.act('action:1', {}, hoursAfter(1));
    s.act('notify:xx-ncp#ew-report@xx-ncp#triage', {}, hoursAfter(2));
    expect(ids(s).filter((id) => id.startsWith('action:') || id.startsWith('notify:'))).toEqual([]);
    expect(suggested(s)).toEqual(['continue@xx-ncp#triage']);
    expect(find(s, 'continue')?.pending).toEqual({ actions: [], notifications: [] });
  });

  it('at a decision: the options with their targets, hand-over and escalation', () => {
    const s = new Session();
    s.act('continue', {}, hoursAfter(1));
    const decide = find(s, 'take-decision');
    expect(decide).toMatchObject({ id: 'decide@xx-ncp#assess', question: 'How large is the incident?', suggested: true });
    expect(decide?.options).toEqual([
      { index: 0, label: 'National', to: { planId: 'xx-ncp', stepId: 'recover' }, handover: false, startsClocks: [], startsTracks: [] },
      { index: 1, label: 'National coordination', to: { planId: 'xx-ncp', stepId: 'coordinate' }, handover: false, startsClocks: [], startsTracks: [] },
      { index: 2, label: 'Large-scale', to: { planId: 'eu-circp', stepId: 'cyclone' }, handover: true, escalate: 'operational', startsClocks: ['dora-initial'], startsTracks: [] },
    ]);
    expect(ids(s)).not.toContain('continue@xx-ncp#assess');
    expect(find(s, 'skip-step')?.targets.map((t) => t.stepId)).toEqual(['recover', 'coordinate', 'cyclone']);
  });

  it('offers a hand-over, not a continue, when next lies in another plan', () => {
    const p = plans();
    const nat = p.get('xx-ncp');
    if (!nat) throw new Error('fixture');
    p.set('xx-ncp', { ...nat, steps: nat.steps.map((st) => (st.id === 'triage' ? { ...st, next: 'eu-circp#cyclone' } : st)) });
    const s = new Session(p);
    expect(find(s, 'hand-over')).toMatchObject({ id: 'hand-over@xx-ncp#triage', to: { planId: 'eu-circp', stepId: 'cyclone' } });
    expect(find(s, 'continue')).toBeUndefined();
  });

  it('offers the step command with its timeout', () => {
    const s = new Session();
    s.act('continue', {}, hoursAfter(1));
    s.act('decide', { option: 'National' }, hoursAfter(2));
    expect(find(s, 'run-command')).toMatchObject({ id: 'run@xx-ncp#recover', argv: ['check-services', '--all'], timeoutMs: 30_000 });
  });

  it('at an end step: close is suggested once the step work is done, with no way onward', () => {
    const s = new Session();
    s.act('skip', { reason: 'done by phone' }, hoursAfter(1));
    s.act('decide', { option: 0 }, hoursAfter(2));
    s.act('continue', {}, hoursAfter(3));
    expect(suggested(s)).toEqual(['action:0@xx-ncp#lessons']);
    s.act('action:0', {}, hoursAfter(4));
    expect(suggested(s)).toEqual(['close']);
    expect(ids(s).some((id) => /^(continue|hand-over|decide|skip)@/.test(id))).toBe(false);
  });

  it('after close: the reporting of owed clocks, then nothing but view actions', () => {
    const s = new Session();
    s.act('close', { summary: 'False alarm' }, hoursAfter(1));
    expect(availableActions(s.state, s.plans).map((a) => a.kind)).toEqual(['add-note', 'record-notification', 'waive-clock', 'view-status', 'view-timeline']);
    for (const c of ['early-warning', 'notification']) s.act('waive-clock', { clock: c, reason: 'no significant incident' }, hoursAfter(2));
    expect(availableActions(s.state, s.plans).map((a) => a.kind)).toEqual(['view-status', 'view-timeline']);
  });

  it('offers no escalation at the highest level', () => {
    const s = new Session();
    s.act('escalate', { level: 'strategic', reason: 'ministerial interest' }, hoursAfter(1));
    expect(find(s, 'escalate')).toBeUndefined();
  });
});
