// Deadlines beyond one fixed duration: a report asked for with no deadline in law (its due time is
// the request's), an outer limit (DORA: 4 h after classification, at the latest 24 h after
// awareness), and a report that also serves as an earlier one (NIS2 Art. 23(4)(b) updates 23(4)(a)).
import { describe, expect, it } from 'vitest';
import { clockStatus } from '../../../src/core/engine/clocks.js';
import { EngineError } from '../../../src/core/engine/errors.js';
import type { Clock, Plan } from '../../../src/core/plan/types.js';
import { hoursAfter, plans } from './fixtures.js';
import { Session } from './session.js';

/** The fixture plans with the national plan's clocks and notifications changed by `edit`. */
function variant(edit: (p: Plan) => Plan): Map<string, Plan> {
  const P = plans();
  const national = P.get('xx-ncp');
  if (!national) throw new Error('fixture');
  return P.set('xx-ncp', edit(national));
}
const clock = (p: Plan, id: string, change: (c: Clock) => Clock): Plan => ({ ...p, clocks: (p.clocks ?? []).map((c) => (c.id === id ? change(c) : c)) });
const status = (s: Session, id: string, now: Date) => clockStatus(s.state, now).find((c) => c.id === id);

describe('a report asked for with no deadline in law', () => {
  const P = variant((p) => clock(p, 'intermediate', ({ within: _, ...c }) => c));

  it('is due when the request says', () => {
    const s = new Session(P);
    expect(s.availableFor('start-clock').clocks.find((c) => c.id === 'intermediate')?.asksDue).toBe(true);
    s.act('start-clock', { clock: 'intermediate', due: hoursAfter(50) }, hoursAfter(2));
    expect(status(s, 'intermediate', hoursAfter(3))).toMatchObject({ startedAt: hoursAfter(2).toISOString(), dueAt: hoursAfter(50).toISOString(), status: 'running' });
  });

  it('cannot start without a due time, nor with one before the request', () => {
    const s = new Session(P);
    expect(() => s.act('start-clock', { clock: 'intermediate' }, hoursAfter(2))).toThrow(EngineError);
    expect(() => s.act('start-clock', { clock: 'intermediate' }, hoursAfter(2))).toThrow(/no deadline of its own: give the due time/);
    expect(() => s.act('start-clock', { clock: 'intermediate', due: hoursAfter(1) }, hoursAfter(2))).toThrow(/cannot be due before the request/);
  });

  it('leaves a clock with a deadline of its own alone', () => {
    const s = new Session();
    s.act('start-clock', { clock: 'intermediate' }, hoursAfter(2));
    expect(status(s, 'intermediate', hoursAfter(3))?.dueAt).toBe(hoursAfter(2 + 72).toISOString());
  });
});

describe('an outer limit (noLaterThan)', () => {
  const P = variant((p) => clock(p, 'dora-initial', (c) => ({ ...c, noLaterThan: { within: 'PT24H', from: 'awareness' } })));

  it('is due at the first limit when classification comes early', () => {
    const s = new Session(P);
    s.act('start-clock', { clock: 'dora-initial' }, hoursAfter(2));
    expect(status(s, 'dora-initial', hoursAfter(3))?.dueAt).toBe(hoursAfter(6).toISOString());
  });

  it('is due at the outer limit when classification comes late, and overdue at once when that has passed', () => {
    const s = new Session(P);
    s.act('start-clock', { clock: 'dora-initial' }, hoursAfter(22));
    expect(status(s, 'dora-initial', hoursAfter(23))).toMatchObject({ dueAt: hoursAfter(24).toISOString(), status: 'running' });
    const late = new Session(P);
    late.act('start-clock', { clock: 'dora-initial' }, hoursAfter(30));
    expect(status(late, 'dora-initial', hoursAfter(30))).toMatchObject({ dueAt: hoursAfter(24).toISOString(), status: 'overdue' });
  });
});

describe('a report that also meets an earlier clock (alsoMeets)', () => {
  const P = variant((p) => ({ ...p, notifications: (p.notifications ?? []).map((n) => (n.id === 'in-report' ? { ...n, alsoMeets: ['early-warning'] } : n)) }));

  it('meets both while they run, and says so in the event', () => {
    const s = new Session(P);
    const [sent] = s.act('record-notification', { notification: 'in-report' }, hoursAfter(10));
    expect(sent).toMatchObject({ type: 'notification-sent', clock: 'notification', alsoMeets: ['early-warning'] });
    expect(status(s, 'early-warning', hoursAfter(30))).toMatchObject({ status: 'met', metAt: hoursAfter(10).toISOString() });
    expect(status(s, 'notification', hoursAfter(30))).toMatchObject({ status: 'met' });
  });

  it('does not meet a clock the plan does not name', () => {
    const s = new Session();
    s.act('record-notification', { notification: 'in-report' }, hoursAfter(10));
    expect(status(s, 'early-warning', hoursAfter(30))?.status).toBe('overdue');
  });
});
