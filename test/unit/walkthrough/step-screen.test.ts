// The step screen fits a narrow terminal: long Notify and Decision lines wrap under their label.
import { describe, expect, it } from 'vitest';
import { fold, openIncident } from '../../../src/core/engine/index.js';
import { plainStyler } from '../../../src/core/report/styler.js';
import { visibleLength } from '../../../src/core/report/wrap.js';
import { renderStepScreen } from '../../../src/core/walkthrough/step-screen.js';
import { AWARE, national, plans } from '../engine/fixtures.js';

describe('the step screen at 60 columns', () => {
  it('wraps Notify lines (role and channel by title) and the decision question', () => {
    const P = plans();
    const long = 'Does the incident exceed national capacity or significantly affect two or more Member States?';
    P.set('xx-ncp', {
      ...national,
      notifications: (national.notifications ?? []).map((n) => (n.id === 'ew-report' ? { ...n, title: 'Early warning report under Article 23 of the Directive' } : n)),
      steps: national.steps.map((st) => (st.id === 'triage' ? { ...st, decision: { question: long, options: [{ label: 'Yes', next: 'assess' }, { label: 'No', next: 'lessons' }] }, next: undefined } : st)) as typeof national.steps,
    });
    const state = fold(P, openIncident(P, { planId: 'xx-ncp', title: 'Narrow pane', awareness: AWARE, at: AWARE, actor: 'a' }));
    const screen = renderStepScreen(state, { incidentId: 'inc-1', plans: P, now: AWARE, styler: plainStyler, formatTime: (t) => t, width: 60 });
    const lines = screen.split('\n');
    expect(lines.filter((l) => visibleLength(l) > 60)).toEqual([]);
    const notify = lines.findIndex((l) => l.startsWith('  Notify: Early warning report'));
    expect(lines[notify + 1]).toMatch(/^ {10}\S/); // continued under the text, not under the label
    expect(lines.slice(notify, notify + 3).join(' ').replace(/\s+/g, ' ')).toContain('National CSIRT (TLP:AMBER, via Reporting portal)');
    const decision = lines.findIndex((l) => l.startsWith('  Decision: Does the incident'));
    expect(lines[decision + 1]).toMatch(/^ {12}\S/);
  });
});
