// A national plan and its parent that both carry the NIS2 clocks (same ids) run one deadline, not two.
import { describe, expect, it } from 'vitest';
import { availableActions, clockStatus, eventsFor, fold, openIncident, type IncidentEvent } from '../../../src/core/engine/index.js';
import type { Plan } from '../../../src/core/plan/types.js';

const levels = [{ id: 'technical', title: 'Technical', rank: 1 }];
const roles = [{ id: 'csirt', title: 'CSIRT', type: 'csirt' as const }];
const ew = { id: 'ew', title: 'Early warning', starts: 'awareness' as const, within: 'PT24H', basis: 'NIS2 Art. 23(4)(a)' };
const national: Plan = {
  apiVersion: 'crisis/v1',
  kind: 'Plan',
  metadata: { id: 'nat', title: 'National', version: '1', jurisdiction: 'XA', parent: 'eu', tlp: 'CLEAR' },
  levels,
  roles,
  clocks: [ew],
  steps: [{ id: 'a', title: 'A', phase: 'detection', level: 'technical', owner: 'csirt', basis: 'plan', next: 'eu#x' }],
};
const eu: Plan = {
  apiVersion: 'crisis/v1',
  kind: 'Plan',
  metadata: { id: 'eu', title: 'EU', version: '1', jurisdiction: 'EU', tlp: 'CLEAR' },
  levels,
  roles,
  clocks: [ew],
  notifications: [{ id: 'warn', title: 'Early warning', to: 'csirt', tlp: 'AMBER', clock: 'ew' }],
  steps: [{ id: 'x', title: 'X', phase: 'response', level: 'technical', owner: 'csirt', basis: 'plan', notify: ['warn'], end: true }],
};
const plans = new Map([
  ['nat', national],
  ['eu', eu],
]);
const t0 = new Date('2026-03-02T08:00:00.000Z');
const at = (h: number) => new Date(t0.getTime() + h * 3600_000);

describe('clocks shared by a national plan and its parent', () => {
  it('do not start twice on hand-over, and a report in either plan meets them', () => {
    const events: IncidentEvent[] = openIncident(plans, { planId: 'nat', title: 't', awareness: t0, at: t0, actor: 'ana' });
    const step = (kind: string, hours: number) => {
      const state = fold(plans, events);
      const action = availableActions(state, plans).find((a) => a.kind === kind);
      if (!action) throw new Error(`no ${kind}`);
      events.push(...eventsFor(state, plans, action, {}, at(hours), 'ana'));
    };
    step('hand-over', 1);
    expect(clockStatus(fold(plans, events), at(2)).map((c) => `${c.planId}#${c.id}`)).toEqual(['nat#ew']);
    step('send-notification', 3);
    const [clock] = clockStatus(fold(plans, events), at(4));
    expect(clock).toMatchObject({ planId: 'nat', id: 'ew', status: 'met' });
  });
});
