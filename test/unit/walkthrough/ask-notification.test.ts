// What the walkthrough asks before a report is logged as sent, and before moving on with open items.
import { describe, expect, it } from 'vitest';
import type { Action, NotificationChoice } from '../../../src/core/engine/index.js';
import type { Plan } from '../../../src/core/plan/types.js';
import type { Choice } from '../../../src/core/ports.js';
import { plainStyler } from '../../../src/core/report/styler.js';
import { askInput, type AskContext } from '../../../src/core/walkthrough/ask-input.js';
import { AWARE, national } from '../engine/fixtures.js';
import { BufferScreen, FakeClock, ScriptedPrompter, type Answer } from '../../helpers/fakes.js';

/** A scripted prompter that also keeps each question's default, which a real Enter would take. */
class Recording extends ScriptedPrompter {
  readonly defaults: unknown[] = [];
  override async select<T>(q: { message: string; choices: readonly Choice<T>[]; default?: T; pageSize?: number }): Promise<T> {
    this.defaults.push(q.default);
    return super.select(q);
  }
  override async confirm(q: { message: string; default?: boolean }): Promise<boolean> {
    this.defaults.push(q.default);
    return super.confirm(q);
  }
}

const now = new Date('2025-03-01T10:00:00.000Z'); // two hours after AWARE
// The phone may carry at most TLP:GREEN; the reports are TLP:AMBER.
const plan: Plan = { ...national, channels: (national.channels ?? []).map((c) => (c.id === 'phone' ? { ...c, maxTlp: 'GREEN' as const } : c)) };
const withChannel: NotificationChoice = { planId: 'xx-ncp', id: 'ew-report', title: 'Early warning report', to: 'national-csirt', toTitle: 'National CSIRT', channel: 'portal', clock: 'early-warning', tlp: 'AMBER' };
const noChannel: NotificationChoice = { planId: 'xx-ncp', id: 'interim', title: 'Intermediate report', to: 'national-csirt', toTitle: 'National CSIRT', clock: 'intermediate', tlp: 'AMBER' };
const send = (n: NotificationChoice): Action => ({ kind: 'send-notification', track: 'main', id: `notify:${n.id}`, label: n.title, suggested: true, step: { planId: 'xx-ncp', stepId: 'triage' }, notification: n });

function ask(action: Action, answers: Answer[]) {
  const prompter = new Recording(answers);
  const screen = new BufferScreen();
  const ctx: AskContext = { prompter, screen, clock: new FakeClock(now), styler: plainStyler, plans: new Map([['xx-ncp', plan]]), awareness: AWARE.toISOString(), formatTime: (iso) => iso.slice(11, 16) };
  return { prompter, screen, result: askInput(ctx, action) };
}

describe('recording a notification', () => {
  it("pre-selects the plan's channel, asks when it was sent, and confirms with No as the default", async () => {
    const { prompter, result } = ask(send(withChannel), [{ select: 'Reporting portal' }, { input: '' }, { confirm: true }]);
    await expect(result).resolves.toEqual({});
    expect(prompter.defaults).toEqual(['portal', false]);
    expect(prompter.asked[1]).toMatch(/^When was it sent\? \(blank for now/);
    expect(prompter.asked[2]).toBe('Record Early warning report → National CSIRT via Reporting portal, sent now?');
  });

  it('logs nothing when the confirmation is declined (Enter twice)', async () => {
    const { result } = ask(send(withChannel), [{ select: 'Reporting portal' }, { input: '' }, { confirm: false }]);
    await expect(result).resolves.toBeUndefined();
  });

  it('keeps an earlier send time, and names it in the confirmation', async () => {
    const { prompter, result } = ask(send(withChannel), [{ select: 'Reporting portal' }, { input: 'PT1H30M' }, { confirm: true }]);
    await expect(result).resolves.toEqual({ sentAt: new Date('2025-03-01T08:30:00.000Z') });
    expect(prompter.asked.at(-1)).toBe('Record Early warning report → National CSIRT via Reporting portal, sent 08:30?');
  });

  it('refuses a send time in the future or before the incident was known', async () => {
    await expect(ask(send(withChannel), [{ select: 'portal' }, { input: '2025-03-01 11:00Z' }]).result).rejects.toThrow(/in the future/);
    await expect(ask(send(withChannel), [{ select: 'portal' }, { input: 'PT3H' }]).result).rejects.toThrow(/before the incident was known/);
  });

  it('has no default channel when the plan names none: Enter backs out', async () => {
    const { prompter, result } = ask(send(noChannel), [{ select: '← Back' }]);
    await expect(result).resolves.toBeUndefined();
    expect(prompter.offered[0]).toBe('← Back');
    expect(prompter.defaults).toEqual(['']);
    expect(prompter.asked[0]).toContain('(choose the channel)');
  });

  it('records the channel chosen for a report with none in the plan', async () => {
    const { prompter, result } = ask({ kind: 'record-notification', id: 'record-notification', label: 'Record', suggested: false, notifications: [noChannel] }, [
      { select: 'Intermediate report' },
      { select: 'Reporting portal' },
      { input: '' },
      { confirm: true },
    ]);
    await expect(result).resolves.toEqual({ notification: 'xx-ncp#interim', channel: 'portal' });
    expect(prompter.defaults).toEqual([undefined, '', false]); // no channel was pre-selected
  });

  it('warns and asks a reason when the channel may not carry the TLP', async () => {
    const { prompter, screen, result } = ask(send(withChannel), [{ select: 'Duty phone' }, { input: 'The portal is down' }, { input: '' }, { confirm: true }]);
    await expect(result).resolves.toEqual({ channel: 'phone', tlpReason: 'The portal is down' });
    expect(screen.text).toContain('Duty phone may carry at most TLP:GREEN; this report is TLP:AMBER.');
    expect(prompter.offered).toContain('Duty phone  (up to TLP:GREEN)');
  });
});

describe('moving on with open items', () => {
  const move: Action = {
    kind: 'continue', track: 'main',
    id: 'continue@xx-ncp#triage',
    label: 'Continue to assess',
    suggested: false,
    step: { planId: 'xx-ncp', stepId: 'triage' },
    to: { planId: 'xx-ncp', stepId: 'assess' },
    pending: { actions: ['Collect indicators'], notifications: ['ew-report'] },
  };

  it('asks why after the confirmation, and the reason is required', async () => {
    const { prompter, result } = ask(move, [{ confirm: true }, { input: 'Indicators are with the SOC' }]);
    await expect(result).resolves.toEqual({ reason: 'Indicators are with the SOC' });
    expect(prompter.asked.at(-1)).toBe('Why move on with these open? (logged)');
    await expect(ask(move, [{ confirm: true }, { input: ' ' }]).result).rejects.toThrow(/cannot be empty/);
    const stays = ask(move, [{ confirm: false }]); // staying asks nothing more
    await expect(stays.result).resolves.toBeUndefined();
    expect(stays.prompter.remaining).toBe(0);
  });

});
