// The timeline shows every time in local time, the engine's own RFC 3339 wording included.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fold, openIncident } from '../../../src/core/engine/index.js';
import type { Plan } from '../../../src/core/plan/types.js';
import { renderTimelineText } from '../../../src/core/report/incident/timeline-text.js';
import { plainStyler } from '../../../src/core/report/styler.js';

const plan = parse(readFileSync(join(import.meta.dirname, '../../fixtures/plans/walk-plan.yaml'), 'utf8')) as Plan;
const plans = new Map([[plan.metadata.id, plan]]);
const at = new Date('2026-03-02T08:00:00.000Z');
const local = (iso: string): string => `L[${iso.slice(11, 16)}]`;

describe('renderTimelineText', () => {
  it('puts the started and due times of a clock in local time, and leaves a note as written', () => {
    const events = [...openIncident(plans, { planId: plan.metadata.id, title: 'T', awareness: at, at, actor: 'ana' }), { type: 'note-added' as const, text: 'call back 2026-03-02T09:00Z', at: at.toISOString(), actor: 'ana' }];
    const text = renderTimelineText(fold(plans, events), plainStyler, local);
    expect(text).toContain('started L[08:00], due L[08:00]');
    expect(text).not.toMatch(/started 2026-/);
    expect(text).toContain('(aware since L[08:00])');
    expect(text).toContain('Note: call back 2026-03-02T09:00Z');
  });
});
