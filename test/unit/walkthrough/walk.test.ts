import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openIncident, type IncidentEvent } from '../../../src/core/engine/index.js';
import { Cancelled } from '../../../src/core/errors.js';
import type { Plan } from '../../../src/core/plan/types.js';
import { plainStyler } from '../../../src/core/report/styler.js';
import { walk } from '../../../src/core/walkthrough/walk.js';
import { BufferScreen, FakeClock, FakeInterrupts, FakeRunner, MemoryEventLog, ScriptedPrompter, fakeWorkdir, type Answer } from '../../helpers/fakes.js';

const plan = parse(readFileSync(join(import.meta.dirname, '../../fixtures/plans/walk-plan.yaml'), 'utf8')) as Plan;
const plans = new Map([[plan.metadata.id, plan]]);
const start = new Date('2026-03-02T08:00:00.000Z');

function setup(answers: Answer[]) {
  const log = new MemoryEventLog<IncidentEvent>();
  log.createNow({ id: 'inc-1', title: 'Test', planId: plan.metadata.id, createdAt: start.toISOString(), plans: [] });
  log.appendAllNow('inc-1', openIncident(plans, { planId: plan.metadata.id, title: 'Test', awareness: start, at: start, actor: 'ana' }));
  const clock = new FakeClock(start);
  const deps = {
    log,
    prompter: new ScriptedPrompter(answers),
    screen: new BufferScreen(),
    clock,
    runner: new FakeRunner(),
    styler: plainStyler,
    formatTime: (iso: string) => iso,
    workdir: fakeWorkdir,
    interrupts: new FakeInterrupts(),
  };
  return { log, deps, types: () => log.eventsNow('inc-1').map((r) => r.event.type) };
}

describe('walk', () => {
  it('walks an action, a notification, a decision with escalation, then closes', async () => {
    const { log, deps, types } = setup([
      { select: 'Done: Confirm the report' },
      { select: 'Record receipt of the early warning' },
      { select: 'Duty phone' },
      { input: '' },
      { confirm: true },
      { select: 'Continue to assess' },
      { select: 'Is it large-scale' },
      { select: 'Escalate' },
      { select: 'Continue to wrap up' },
      { select: 'Close the incident' },
      { input: 'Contained; lessons noted' },
      { confirm: true },
    ]);
    await expect(walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' })).resolves.toBe('closed');
    expect(types()).toEqual([
      'incident-opened',
      'clock-started',
      'step-entered',
      'action-done',
      'notification-sent',
      'step-entered',
      'decision-taken',
      'level-escalated',
      'step-entered',
      'step-entered',
      'incident-closed',
    ]);
    const decision = log.eventsNow('inc-1').find((r) => r.event.type === 'decision-taken')?.event;
    expect(decision).toMatchObject({ stepId: 'assess', label: 'Escalate', actor: 'ana' });
    const sent = log.eventsNow('inc-1').find((r) => r.event.type === 'notification-sent')?.event;
    expect(sent).toMatchObject({ notificationId: 'warn', to: 'csirt', channel: 'phone' });
    expect(deps.prompter.live.join('')).toContain('Early warning due in 1 d'); // drawn live by the menu
    expect(deps.screen.text).toContain('Response closed');
  });

  it('logs a report phoned in earlier with both times, and one confirmed only once', async () => {
    const { log, deps } = setup([
      { select: 'Record receipt of the early warning' },
      { select: 'Duty phone' },
      { input: 'PT30M' },
      { confirm: false }, // the second Enter: nothing is logged
      { select: 'Record receipt of the early warning' },
      { select: 'Duty phone' },
      { input: 'PT30M' },
      { confirm: true },
      { select: 'Pause' },
    ]);
    deps.clock.advance(2 * 3_600_000);
    await walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' });
    const sent = log.eventsNow('inc-1').filter((r) => r.event.type === 'notification-sent').map((r) => r.event);
    expect(sent).toEqual([expect.objectContaining({ channel: 'phone', at: '2026-03-02T10:00:00.000Z', sentAt: '2026-03-02T09:30:00.000Z' })]);
  });

  it('pauses without logging anything and resumes at the same step', async () => {
    const first = setup([{ select: 'Done: Confirm the report' }, { select: 'Pause' }]);
    await expect(walk(first.deps, { incidentId: 'inc-1', plans, actor: 'ana' })).resolves.toBe('paused');
    const count = first.types().length;
    const resumed = { ...first.deps, prompter: new ScriptedPrompter([{ select: 'Continue to assess' }, { confirm: true }, { input: 'Reported by phone' }, { select: 'Pause' }]), screen: new BufferScreen() };
    await walk(resumed, { incidentId: 'inc-1', plans, actor: 'ben' });
    expect(resumed.screen.text).toContain('[x] Confirm the report');
    expect(first.types().length).toBe(count + 1);
  });

  it('asks to confirm moving on with open actions, and logs nothing when the answer is no', async () => {
    const { deps, types } = setup([{ select: 'Continue to assess' }, { confirm: false }, { select: 'Pause' }]);
    const before = types().length;
    await walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' });
    expect(types().length).toBe(before);
    expect(deps.screen.text).toContain('Still open at this step');
  });

  it('shows an overdue clock in words once its deadline passed', async () => {
    const { deps } = setup([{ select: 'Pause' }]);
    deps.clock.advance(25 * 3600_000);
    await walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' });
    expect(deps.prompter.live.join('')).toContain('Early warning OVERDUE by 1 h');
  });

  it('passes Ctrl+C through as Cancelled, keeping what was logged', async () => {
    const { deps, types } = setup([{ select: 'Add a note' }, { input: 'first call made' }, { cancel: true }]);
    await expect(walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' })).rejects.toBeInstanceOf(Cancelled);
    expect(types()).toContain('note-added');
  });

  it('shows the exact command, runs it only after confirmation, and logs the result', async () => {
    const withRun: Plan = structuredClone(plan);
    const triage = withRun.steps[0];
    if (triage) triage.run = { argv: ['collect-evidence', '--case', 'a b'], timeout: 'PT1M' };
    const runPlans = new Map([[withRun.metadata.id, withRun]]);
    const { log, deps } = setup([{ select: 'Run' }, { confirm: false }, { select: 'Run' }, { confirm: true }, { select: 'Continue' }, { select: 'Pause' }]);
    await walk(deps, { incidentId: 'inc-1', plans: runPlans, actor: 'ana' });
    expect(deps.screen.text).toContain("Command: collect-evidence\n             --case\n             'a b'");
    expect(deps.runner.runs).toEqual([['collect-evidence', '--case', 'a b']]);
    const runs = log.eventsNow('inc-1').filter((r) => r.event.type === 'command-run');
    expect(runs).toHaveLength(1);
    expect(runs[0]?.event).toMatchObject({ argv: ['collect-evidence', '--case', 'a b'], exitCode: 0, output: 'ok' });
  });

  it('skips a step only with a reason', async () => {
    const { log, deps } = setup([{ select: 'Skip this step' }, { input: 'already triaged by the sector CSIRT' }, { select: 'Pause' }]);
    await walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' });
    const skipped = log.eventsNow('inc-1').find((r) => r.event.type === 'step-skipped')?.event;
    expect(skipped).toMatchObject({ stepId: 'triage', reason: 'already triaged by the sector CSIRT' });
  });
});

describe('walk on a narrow terminal', () => {
  it('wraps the checklist under its text and keeps every menu entry on one line', async () => {
    const long = 'Confirm the report with the reporting entity and record when it became aware of the incident';
    const narrow: Plan = { ...plan, steps: plan.steps.map((s, i) => (i === 0 ? { ...s, actions: [long] } : s)) };
    const { deps } = setup([{ select: 'Pause' }]);
    const screen = new BufferScreen(50);
    const prompter = new ScriptedPrompter([{ select: 'Pause' }]);
    const narrowPlans = new Map([[plan.metadata.id, narrow]]);
    await expect(walk({ ...deps, screen, prompter }, { incidentId: 'inc-1', plans: narrowPlans, actor: 'ana' })).resolves.toBe('paused');

    const lines = screen.text.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(50);
    const item = lines.findIndex((l) => l.startsWith('   [ ] Confirm the report'));
    expect(lines[item + 1]).toMatch(/^ {7}\S/); // continued under the text, not the box
    expect(lines.slice(item, item + 3).join(' ').replace(/ +/g, ' ')).toContain('record when it became aware');

    expect(Math.max(...prompter.offered.map((n) => n.length))).toBeLessThanOrEqual(47);
    expect(prompter.offered[0]).toMatch(/^Done: Confirm the report.*…  ◂ suggested$/);
  });

  it('shows as many menu entries as fit under the step on a short terminal, at least 7', async () => {
    const menuOn = async (rows: number) => {
      const { deps } = setup([]);
      const screen = new BufferScreen(100, rows);
      const prompter = new ScriptedPrompter([{ select: 'Pause' }]);
      await walk({ ...deps, screen, prompter }, { incidentId: 'inc-1', plans, actor: 'ana' });
      const live = (prompter.live[0] ?? '').split('\n').length - 1;
      // Rows under the step and the clocks, less the question, the footer, and the 2 rows kept for
      // the one running clock to go overdue while the menu waits.
      const left = rows - (screen.text.split('\n').length - 1) - live - 3 - 2;
      return { left, pageSize: prompter.pageSize, entries: prompter.offered.length };
    };
    const [short, middle, tall] = [await menuOn(20), await menuOn(30), await menuOn(60)];
    expect(short.pageSize).toBe(7); // too little room: the floor
    expect(middle.left).toBeGreaterThan(7);
    expect(middle.left).toBeLessThan(middle.entries);
    expect(middle.pageSize).toBe(middle.left); // what is left under the step
    expect(tall.pageSize).toBe(tall.entries); // room for every entry
  });
});

/** Another terminal appends `event` right after the first answer, before it is recorded. */
function meanwhile(deps: ReturnType<typeof setup>['deps'], event: IncidentEvent): void {
  const prompter = deps.prompter;
  let first = true;
  deps.prompter = {
    ...prompter,
    select: async (q) => {
      const answer = await prompter.select(q);
      if (first) {
        first = false;
        deps.log.appendAllNow('inc-1', [event]);
      }
      return answer;
    },
    input: (q) => prompter.input(q),
    confirm: (q) => prompter.confirm(q),
  } as typeof prompter;
}

describe('walk when the engine refuses a choice', () => {
  it('says so under the next screen and goes on', async () => {
    const { deps, types } = setup([{ select: 'Close the incident' }, { input: 'done' }, { confirm: true }, { select: 'Pause' }]);
    // Another terminal closes the incident between the screen and the answer.
    meanwhile(deps, { type: 'incident-closed', summary: 'closed elsewhere', at: start.toISOString(), actor: 'ben' });
    // The early warning is still owed: the closed response stays open for its reporting.
    await expect(walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' })).resolves.toBe('paused');
    expect(deps.screen.text).toContain('Not recorded: "Close the incident" cannot be recorded: the incident was closed meanwhile.');
    expect(deps.screen.text).toContain('reporting open until every clock is met or waived');
    expect(types().filter((t) => t === 'incident-closed')).toHaveLength(1);
  });

  it('names a stale choice by its label, not by its internal id', async () => {
    const { deps } = setup([{ select: 'Done: Confirm the report' }, { select: 'Pause' }]);
    // Another terminal ticks the same action first.
    meanwhile(deps, { type: 'action-done', planId: plan.metadata.id, stepId: 'triage', index: 0, text: 'Confirm the report', at: start.toISOString(), actor: 'ben' });
    await expect(walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' })).resolves.toBe('paused');
    expect(deps.screen.text).toContain('Not recorded: "Done: Confirm the report" is no longer possible: the incident changed meanwhile');
    expect(deps.screen.text).not.toMatch(/action:\d+@/);
  });
});

describe('the step screen', () => {
  it('carries the TLP marking of the plan the step is in', async () => {
    const { deps } = setup([{ select: 'Pause' }]);
    await walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' });
    expect(deps.screen.text).toMatch(/Phase detection · TLP:CLEAR/);
  });
});

describe('closing with clocks still owed', () => {
  it('warns, closes the response, keeps reporting open, and ends once the last clock is met', async () => {
    const { deps, types } = setup([
      { select: 'Close the incident' },
      { input: 'Contained' },
      { confirm: true },
      { select: 'Record a notification or report' },
      { select: 'Early warning →' },
      { select: 'Duty phone' },
      { input: '' },
      { confirm: true },
    ]);
    await expect(walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' })).resolves.toBe('closed');
    expect(deps.screen.text).toContain('These clocks still run:\n  - Early warning');
    expect(deps.prompter.asked).toContain('Close the response? Reports, notes and waivers stay open until every clock is met or waived.');
    expect(deps.screen.text).toContain('reporting open until every clock is met or waived');
    expect(types().slice(-2)).toEqual(['incident-closed', 'notification-sent']);
  });

  it('lets a responder waive a clock with the reason, which also ends the reporting', async () => {
    const { log, deps } = setup([{ select: 'Close the incident' }, { input: 'False alarm' }, { confirm: true }, { select: 'Waive a clock' }, { select: 'Early warning' }, { input: 'not a significant incident' }]);
    await expect(walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' })).resolves.toBe('closed');
    expect(log.eventsNow('inc-1').at(-1)?.event).toMatchObject({ type: 'clock-waived', clockId: 'early-warning', reason: 'not a significant incident', actor: 'ana' });
  });
});

describe('correcting a mistake', () => {
  it('corrects a note from the menu; the timeline keeps the old one, marked', async () => {
    const { log, deps } = setup([
      { select: 'Add a note' },
      { input: 'Hospitl encrypted' },
      { select: 'Correct or retract an entry' },
      { select: 'Note: Hospitl encrypted' },
      { select: 'Correct it' },
      { input: 'typo' },
      { input: 'Hospital encrypted' },
      { select: 'Show the timeline' },
      { select: 'Back' },
      { select: 'Pause' },
    ]);
    await expect(walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' })).resolves.toBe('paused');
    expect(log.eventsNow('inc-1').slice(-2).map((r) => r.event.type)).toEqual(['entry-retracted', 'note-added']);
    // Wrapped by words to the terminal's width, so the line may break between words.
    expect(deps.screen.text).toMatch(/✗ Note: Hospitl encrypted\s+\(ana;\s+corrected\s+by\s+ana\s+\(#\d+\):\s+typo\)/);
  });
});

describe('the live screen while the menu waits', () => {
  /** A prompter that keeps the live region of the first menu, to draw it again later, as a terminal does. */
  function keepingLive(deps: ReturnType<typeof setup>['deps']): { live: () => (() => string) | undefined } {
    const prompter = deps.prompter;
    let kept: (() => string) | undefined;
    deps.prompter = Object.assign(Object.create(prompter) as typeof prompter, {
      select: async (q: Parameters<typeof prompter.select>[0]) => {
        kept ??= q.live;
        return prompter.select(q);
      },
    });
    return { live: () => kept };
  }

  it('counts the clocks down at each redraw and announces one that went overdue meanwhile', async () => {
    const { deps } = setup([{ select: 'Pause' }]);
    deps.clock.advance(24 * 3600_000 - 90_000); // the early warning is due in 1 min 30 s
    const kept = keepingLive(deps);
    await walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' });
    const live = kept.live();
    expect(live?.()).toContain('Early warning due in 1 min');
    expect(live?.()).not.toContain('went OVERDUE');
    deps.clock.advance(2 * 60_000); // the menu waited two minutes
    const later = live?.() ?? '';
    expect(later).toContain('Early warning OVERDUE by 30 s');
    expect(later).toContain('! Early warning went OVERDUE while this screen waited');
  });

  it('keeps the incident and the step by the menu on a terminal too short for the whole screen', async () => {
    const long: Plan = { ...plan, steps: plan.steps.map((s, i) => (i === 0 ? { ...s, description: Array.from({ length: 30 }, (_, n) => `Line ${n} of a long step description.`).join('\n') } : s)) };
    const { deps } = setup([{ select: 'Pause' }]);
    const screen = new BufferScreen(80, 24);
    await walk({ ...deps, screen }, { incidentId: 'inc-1', plans: new Map([[plan.metadata.id, long]]), actor: 'ana' });
    const live = deps.prompter.live[0] ?? '';
    expect(live).toMatch(/inc-1 · walk-test · level Technical · TLP:CLEAR/);
    expect(live).toContain('STEP  Triage the report');
    expect(live).toContain('Early warning due in');
    const rows = live.split('\n').length - 1 + 1 + (deps.prompter.pageSize ?? 0) + 1; // live, question, entries, footer
    expect(rows).toBeLessThan(24); // drawn again in place, never scrolled
    // On a tall terminal the full head is at the top and the live region holds only the clocks.
    const tall = setup([{ select: 'Pause' }]);
    await walk(tall.deps, { incidentId: 'inc-1', plans, actor: 'ana' });
    expect(tall.deps.prompter.live[0]).not.toContain('inc-1');
  });

  it('puts pause, status and timeline one key away, named in the footer', async () => {
    const { deps } = setup([{ select: 'key:t' }, { select: 'Back' }, { select: 'key:s' }, { select: 'Back' }, { select: 'key:p' }]);
    await expect(walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' })).resolves.toBe('paused');
    expect(deps.prompter.footer).toContain('s status · t timeline · p pause');
    expect(deps.screen.text).toContain('Timeline\n');
    expect(deps.prompter.asked.filter((q) => q === 'Back to the step')).toHaveLength(2);
  });

  it("shows the latest notes on the step screen, a teammate's with its author and time", async () => {
    const { log, deps } = setup([{ select: 'Pause' }]);
    for (const [n, who] of [[1, 'ana'], [2, 'ben'], [3, 'ana'], [4, 'ben']] as const) {
      log.appendAllNow('inc-1', [{ type: 'note-added', text: `Note number ${n}`, at: new Date(start.getTime() + n * 60_000).toISOString(), actor: who, planId: plan.metadata.id, stepId: 'triage' }]);
    }
    await walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' });
    expect(deps.screen.text).toContain('NOTES (latest 3 of 4; all in the timeline)');
    expect(deps.screen.text).toContain(`${new Date(start.getTime() + 4 * 60_000).toISOString()} · ben\n    Note number 4`);
    expect(deps.screen.text).not.toContain('Note number 1');
  });
});

describe('the timeline view', () => {
  it('wraps by words and pages a long timeline, latest page first', async () => {
    const { log, deps } = setup([{ select: 'key:t' }, { select: 'Earlier page' }, { select: 'Back' }, { select: 'key:p' }]);
    for (let n = 1; n <= 40; n++) {
      log.appendAllNow('inc-1', [{ type: 'note-added', text: `Note ${n} with a rather long text that will not fit on one line of a narrow terminal at all`, at: new Date(start.getTime() + n * 60_000).toISOString(), actor: 'ben', planId: plan.metadata.id, stepId: 'triage' }]);
    }
    const screen = new BufferScreen(60, 24);
    await expect(walk({ ...deps, screen }, { incidentId: 'inc-1', plans, actor: 'ana' })).resolves.toBe('paused');
    expect(screen.text.split('\n').every((l) => l.length <= 60)).toBe(true);
    expect(deps.prompter.asked.some((q) => /^Page \d+ of \d+/.test(q))).toBe(true);
    const latest = screen.text.indexOf('Note 40 with');
    expect(latest).toBeGreaterThan(0);
    const after = [...screen.text.slice(latest).matchAll(/Note (\d+) with/g)].map((m) => Number(m[1]));
    expect(Math.min(...after)).toBeLessThan(36); // the earlier page came second
    expect(screen.text).not.toMatch(/ wi\n/); // never broken inside a word
  });
});

describe('the timeline with $PAGER', () => {
  it('goes to the pager, and is paged on screen when the pager cannot start', async () => {
    const shown: string[] = [];
    const works = { show: async (text: string) => (shown.push(text), true) };
    const { deps } = setup([{ select: 'key:t' }, { select: 'key:p' }]);
    await walk({ ...deps, pager: works }, { incidentId: 'inc-1', plans, actor: 'ana' });
    expect(shown[0]).toContain('Timeline');
    expect(deps.prompter.asked).not.toContain('Back to the step');
    expect(deps.interrupts.listening).toBe(0); // Ctrl+C claimed only while the pager ran

    const broken = { show: async () => false };
    const again = setup([{ select: 'key:t' }, { select: 'Back' }, { select: 'key:p' }]);
    await walk({ ...again.deps, pager: broken }, { incidentId: 'inc-1', plans, actor: 'ana' });
    expect(again.deps.prompter.asked).toContain('Back to the step');
  });
});
