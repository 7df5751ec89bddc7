import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/core/engine/fold.js';
import { openIncident } from '../../../src/core/engine/open.js';
import { AWARE, hoursAfter, plans } from './fixtures.js';

const input = { planId: 'xx-ncp', title: 'Outage', awareness: AWARE, at: hoursAfter(2), actor: 'alice' };

describe('openIncident', () => {
  it('opens, starts the awareness clocks at the awareness time, and enters the start step', () => {
    const events = openIncident(plans(), { ...input, severity: 'minor' });
    expect(events.map((e) => e.type)).toEqual(['incident-opened', 'clock-started', 'clock-started', 'step-entered']);
    expect(events[0]).toEqual({
      type: 'incident-opened',
      planId: 'xx-ncp',
      title: 'Outage',
      awareness: '2025-03-01T08:00:00.000Z',
      severity: 'minor',
      at: '2025-03-01T10:00:00.000Z',
      actor: 'alice',
    });
    expect(events[1]).toMatchObject({ clockId: 'early-warning', startedAt: '2025-03-01T08:00:00.000Z', dueAt: '2025-03-02T08:00:00.000Z' });
    expect(events[2]).toMatchObject({ clockId: 'notification', dueAt: '2025-03-04T08:00:00.000Z' });
    expect(events[3]).toMatchObject({ type: 'step-entered', planId: 'xx-ncp', stepId: 'triage' });
  });

  it('folds into the incident meta, the start level and the current step', () => {
    const state = fold(plans(), openIncident(plans(), input));
    expect(state.meta).toEqual({ planId: 'xx-ncp', title: 'Outage', awareness: '2025-03-01T08:00:00.000Z', openedAt: '2025-03-01T10:00:00.000Z', openedBy: 'alice' });
    expect(state.tracks[0]?.at).toEqual({ planId: 'xx-ncp', stepId: 'triage' });
    expect(state.level).toEqual({ planId: 'xx-ncp', id: 'technical', rank: 1 });
    expect(state.plans).toEqual(['xx-ncp']);
    expect(state.visited).toEqual([{ planId: 'xx-ncp', stepId: 'triage', at: '2025-03-01T10:00:00.000Z', actor: 'alice' }]);
  });

  it('uses plan.start when the plan names one', () => {
    const p = plans();
    const national = p.get('xx-ncp');
    if (!national) throw new Error('fixture');
    p.set('xx-ncp', { ...national, start: 'assess' });
    expect(openIncident(p, input).at(-1)).toMatchObject({ type: 'step-entered', stepId: 'assess' });
  });

  it('refuses an unknown plan, an unknown severity and awareness after opening', () => {
    expect(() => openIncident(plans(), { ...input, planId: 'nope' })).toThrow(expect.objectContaining({ code: 'unknown-plan' }));
    expect(() => openIncident(plans(), { ...input, severity: 'huge' })).toThrow(expect.objectContaining({ code: 'unknown-severity' }));
    expect(() => openIncident(plans(), { ...input, awareness: hoursAfter(3) })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});
