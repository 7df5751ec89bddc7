// The status view of a report logged after it went out shows both times.
import { describe, expect, it } from 'vitest';
import { plainStyler } from '../../../src/core/report/styler.js';
import { renderStatusText } from '../../../src/core/report/incident/status-text.js';
import { hoursAfter } from '../engine/fixtures.js';
import { Session } from '../engine/session.js';

const hhmm = (iso: string): string => iso.slice(11, 16);

describe('status of a notification logged late', () => {
  it('says when it was sent and when it was recorded', () => {
    const s = new Session();
    s.act('record-notification', { notification: 'ew-report', sentAt: hoursAfter(0.5) }, hoursAfter(1.25));
    s.act('record-notification', { notification: 'in-report' }, hoursAfter(2));
    const text = renderStatusText(s.state, 'inc-1', s.plans, hoursAfter(3), plainStyler, hhmm);
    expect(text).toContain('08:30  Early warning report → national-csirt  (sent 08:30, recorded 09:15)');
    expect(text).toMatch(/10:00 {2}Incident notification report → national-csirt\n/);
  });
});
