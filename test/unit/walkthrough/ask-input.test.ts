// What the walkthrough asks before starting a clock: when it started, and, for a report asked for
// with no deadline in law, when the request says it is due.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/core/engine/index.js';
import { plainStyler } from '../../../src/core/report/styler.js';
import { askInput, type AskContext } from '../../../src/core/walkthrough/ask-input.js';
import { BufferScreen, FakeClock, ScriptedPrompter, type Answer } from '../../helpers/fakes.js';

const now = new Date('2026-03-02T08:00:00.000Z');
const action: Action = {
  kind: 'start-clock',
  id: 'start-clock',
  label: 'Start a clock',
  suggested: false,
  clocks: [
    { planId: 'p', id: 'interim', title: 'Intermediate report', starts: 'on-request', asksDue: true },
    { planId: 'p', id: 'dora', title: 'DORA initial notification', starts: 'classified-major', asksDue: false },
  ],
};

function ask(answers: Answer[]): { prompter: ScriptedPrompter; result: ReturnType<typeof askInput> } {
  const prompter = new ScriptedPrompter(answers);
  const ctx: AskContext = { prompter, screen: new BufferScreen(), clock: new FakeClock(now), styler: plainStyler, plans: new Map() };
  return { prompter, result: askInput(ctx, action) };
}

describe('starting a clock', () => {
  it('asks when a requested report is due, from the request', async () => {
    const { prompter, result } = ask([{ select: 'Intermediate report' }, { input: 'PT2H' }, { input: 'P3D' }]);
    await expect(result).resolves.toEqual({ clock: 'p#interim', since: new Date('2026-03-02T06:00:00.000Z'), due: new Date('2026-03-05T06:00:00.000Z') });
    expect(prompter.asked.at(-1)).toMatch(/When is it due, as the request says\?/);
  });

  it('refuses a due time that is not after the request', async () => {
    const { result } = ask([{ select: 'Intermediate report' }, { input: '' }, { input: '2026-03-01 12:00Z' }]);
    await expect(result).rejects.toThrow(/give a time after the request/);
  });

  it('asks nothing more for a clock with its own deadline', async () => {
    const { prompter, result } = ask([{ select: 'DORA initial' }, { input: '' }]);
    await expect(result).resolves.toEqual({ clock: 'p#dora' });
    expect(prompter.remaining).toBe(0);
  });
});
