import { describe, expect, it } from 'vitest';
import { fold, initialState, openIncident } from '../../../src/core/engine/index.js';
import { translate, ScriptRefused } from '../../../src/core/exercise/translate.js';
import type { ScriptEntry } from '../../../src/core/exercise/types.js';
import { plans } from './fixtures.js';

const P = plans();
const AT = new Date(3_600_000);
const opened = fold(P, openIncident(P, { planId: 'xx-ncp', title: 'x', awareness: new Date(0), at: new Date(0), actor: 'a' }));
const refusal = (entry: ScriptEntry, state = opened): string => {
  try {
    translate(state, P, entry, 'xx-ncp', AT);
  } catch (error) {
    if (error instanceof ScriptRefused) return error.message;
    throw error;
  }
  return 'not refused';
};

describe('translate', () => {
  it('picks the action a responder would pick, with its input', () => {
    expect(translate(opened, P, { at: 'PT1H', do: 'action-done', action: 'Check affected sectors' }, 'xx-ncp', AT)).toMatchObject({ action: { id: 'action:1@xx-ncp#triage' }, input: {} });
    expect(translate(opened, P, { at: 'PT1H', do: 'notify', notification: 'ew-report', channel: 'phone' }, 'xx-ncp', AT)).toMatchObject({
      action: { kind: 'send-notification', id: 'notify:xx-ncp#ew-report@xx-ncp#triage' },
      input: { notification: 'xx-ncp#ew-report', channel: 'phone' },
    });
    expect(translate(opened, P, { at: 'PT1H', do: 'notify', notification: 'final' }, 'xx-ncp', AT).action.kind).toBe('record-notification');
    expect(translate(opened, P, { at: 'PT1H', do: 'start-clock', clock: 'dora-initial' }, 'xx-ncp', AT).input).toEqual({ clock: 'xx-ncp#dora-initial' });
  });

  it('gives a report asked for with no deadline of its own the due time the entry names', () => {
    const national = P.get('xx-ncp');
    if (!national) throw new Error('fixture');
    const clocks = (national.clocks ?? []).map(({ within, ...c }) => (c.id === 'intermediate' ? c : { ...c, ...(within === undefined ? {} : { within }) }));
    const Q = new Map(P).set('xx-ncp', { ...national, clocks });
    const state = fold(Q, openIncident(Q, { planId: 'xx-ncp', title: 'x', awareness: new Date(0), at: new Date(0), actor: 'a' }));
    expect(translate(state, Q, { at: 'PT1H', do: 'start-clock', clock: 'intermediate', due: 'P2D' }, 'xx-ncp', AT).input).toEqual({
      clock: 'xx-ncp#intermediate',
      due: new Date(AT.getTime() + 2 * 86_400_000),
    });
    expect(() => translate(state, Q, { at: 'PT1H', do: 'start-clock', clock: 'intermediate' }, 'xx-ncp', AT)).toThrow(/no due \(when the requested report is due/);
  });

  it.each<[string, ScriptEntry, string]>([
    ['a step the incident is not at', { at: 'PT1H', do: 'continue', step: 'assess' }, 'the incident is at xx-ncp#triage, not at xx-ncp#assess'],
    ['an action the step does not have', { at: 'PT1H', do: 'action-done', action: 7 }, 'step xx-ncp#triage has no action "7"'],
    ['a decision where there is none', { at: 'PT1H', do: 'decision', option: 'Yes' }, 'step xx-ncp#triage has no decision to take'],
    ['a notification of a plan not yet in use', { at: 'PT1H', do: 'notify', notification: 'eu-circp#ipcr-request' }, 'notification eu-circp#ipcr-request cannot be sent now (the incident has not been in plan eu-circp)'],
    ['a level that is not higher', { at: 'PT1H', do: 'escalate', level: 'technical' }, 'level "technical" is not higher than the current level technical'],
    ['a skip to a step that is not next', { at: 'PT1H', do: 'skip', reason: 'x', target: 'lessons' }, 'skipping step xx-ncp#triage cannot lead to xx-ncp#lessons'],
  ])('refuses %s', (_, entry, message) => {
    expect(refusal(entry)).toBe(message);
  });

  it('refuses an action done twice, saying so', () => {
    const done = fold(P, [...openIncident(P, { planId: 'xx-ncp', title: 'x', awareness: new Date(0), at: new Date(0), actor: 'a' }), { type: 'action-done', planId: 'xx-ncp', stepId: 'triage', index: 0, text: 'Collect indicators', at: new Date(0).toISOString(), actor: 'a' }]);
    expect(refusal({ at: 'PT1H', do: 'action-done', action: 0 }, done)).toBe('action "0" of step xx-ncp#triage is already done');
  });

  it('refuses everything before the opening', () => {
    expect(refusal({ at: 'PT0S', do: 'note', text: 'x' }, initialState())).toBe('the incident is not open yet');
  });
});
