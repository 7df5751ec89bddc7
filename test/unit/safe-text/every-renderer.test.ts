// One corpus of hostile strings in every text field of a plan, an exercise and the log, through
// every renderer: none of their raw control, format or bidi characters may reach an output.
import { describe, expect, it } from 'vitest';
import { availableActions, eventsFor, fold, openIncident, type Action, type ActionInput, type IncidentEvent, type IncidentState } from '../../../src/core/engine/index.js';
import { buildReport } from '../../../src/core/exercise/report-data.js';
import { runExercise } from '../../../src/core/exercise/run.js';
import type { Plan } from '../../../src/core/plan/types.js';
import type { RecordedEvent } from '../../../src/core/ports.js';
import { exerciseHtml, exerciseJson, exerciseJunit, exerciseMarkdown } from '../../../src/core/report/exercise/index.js';
import { graphFormats, renderGraph, buildOverlay } from '../../../src/core/report/graph/index.js';
import { findingFormats } from '../../../src/core/report/findings/index.js';
import { renderExport } from '../../../src/core/report/incident/export.js';
import { exportFormats } from '../../../src/core/report/incident/export-formats.js';
import { renderStatusText } from '../../../src/core/report/incident/status-text.js';
import { renderTimelineText } from '../../../src/core/report/incident/timeline-text.js';
import { plainStyler, type Styler } from '../../../src/core/report/styler.js';
import { renderStepScreen } from '../../../src/core/walkthrough/step-screen.js';
import { liveHead } from '../../../src/core/walkthrough/live-head.js';
import { walk } from '../../../src/core/walkthrough/walk.js';
import { eu, national, AWARE, hoursAfter } from '../engine/fixtures.js';
import { exercise } from '../exercise/fixtures.js';
import { BufferScreen, FakeClock, FakeInterrupts, FakeRunner, MemoryEventLog, ScriptedPrompter, fakeWorkdir } from '../../helpers/fakes.js';
import { hostileStrings, rawUnsafe } from '../../helpers/hostile-strings.js';
import { context } from '../report/findings-fixture.js';
import { poison, PROSE } from '../../helpers/hostile-files.js';

// Labels, criteria and summaries too: no file has to load here, so option labels need not match a script.
const PROSE_HERE = new Set([...PROSE, 'label', 'criteria', 'summary']);
let next = 0;
const hostile = (): string => hostileStrings[next++ % hostileStrings.length] ?? '';
const poisoned = <T>(value: T): T => poison(value, hostile, { prose: PROSE_HERE, max: Infinity });

const plans = new Map<string, Plan>([
  [national.metadata.id, poisoned(national)],
  [eu.metadata.id, poisoned(eu)],
]);
const colour: Styler = { error: (t) => `\x1b[31m${t}\x1b[39m`, warning: (t) => `\x1b[33m${t}\x1b[39m`, ok: (t) => `\x1b[32m${t}\x1b[39m`, dim: (t) => `\x1b[2m${t}\x1b[22m`, bold: (t) => `\x1b[1m${t}\x1b[22m`, accent: (t) => `\x1b[36m${t}\x1b[39m` };

/** Walk the poisoned plans by the engine, with hostile notes, reasons and summary; keep every state. */
function incident(): { events: IncidentEvent[]; states: IncidentState[] } {
  const events = openIncident(plans, { planId: 'xx-ncp', title: hostile(), awareness: AWARE, severity: 'minor', at: AWARE, actor: hostile() });
  const states: IncidentState[] = [];
  const prefer: [Action['kind'], (a: Action) => ActionInput][] = [
    ['add-note', () => ({ text: hostile() })],
    ['mark-action-done', () => ({})],
    ['send-notification', () => ({})],
    ['take-decision', (a) => ({ option: a.kind === 'take-decision' ? a.options.length - 1 : 0 })],
    ['hand-over', () => ({})],
    ['continue', () => ({})],
    ['close', () => ({ summary: hostile() })],
  ];
  for (let i = 0; i < 40; i++) {
    const state = fold(plans, events);
    states.push(state);
    if (state.closed) break;
    const actions = availableActions(state, plans);
    // Notes first, once per step; then the step's own work; close at the end.
    const done = new Set(events.filter((e) => e.type === 'note-added').length > i / 3 ? ['add-note'] : []);
    const found = prefer.flatMap(([kind, input]) => (done.has(kind) ? [] : actions.filter((a) => a.kind === kind).map((a) => [a, input(a)] as const)))[0];
    if (!found) break;
    events.push(...eventsFor(state, plans, found[0], found[1], hoursAfter(i + 1), hostile()));
  }
  return { events, states };
}

const { events, states } = incident();
const last = states.at(-1) as IncidentState;
const recorded: RecordedEvent<IncidentEvent>[] = events.map((event, i) => ({ seq: i + 1, prevHash: 'p', hash: 'h', event }));
const record = { id: 'inc-1', title: hostile(), planId: 'xx-ncp', createdAt: AWARE.toISOString(), closed: true, events: events.length, lastEventAt: null };

function expectClean(output: string): void {
  expect(rawUnsafe(output)).toEqual([]);
}

describe('every renderer, fed the hostile corpus', () => {
  it('walks far enough to show decisions, hand-over, notes and the close', () => {
    expect(last.closed).toBe(true);
    for (const type of ['note-added', 'decision-taken', 'incident-closed', 'notification-sent']) expect(events.map((e) => e.type)).toContain(type);
  });

  it.each([plainStyler, colour])('the step screen of every state (styler %#)', (styler) => {
    for (const state of states) {
      expectClean(renderStepScreen(state, { incidentId: 'inc-1', plans, now: hoursAfter(50), styler, formatTime: (t) => t, width: 80 }));
    }
  });

  it.each([plainStyler, colour])('the live head by the menu, compact and full, of every state (styler %#)', (styler) => {
    for (const state of states) {
      for (const compact of [true, false]) {
        const live = liveHead({ state, screen: { incidentId: 'inc-1', plans, styler, formatTime: (t) => t, width: 80 }, clock: { now: () => hoursAfter(50) }, shownAt: AWARE, compact });
        expectClean(live());
      }
    }
  });

  it('status and timeline text', () => {
    for (const state of states) expectClean(renderStatusText(state, 'inc-1', plans, hoursAfter(50), colour, (t) => t));
    expectClean(renderTimelineText(last, colour, (t) => t));
  });

  it.each(exportFormats)('the %s export', (format) => {
    const out = renderExport(format, { record, recorded, state: last, plans, snapshots: [{ planId: 'xx-ncp', hash: 'abc' }], verify: { ok: true, incidents: 1, events: 1, heads: [], anchors: [] }, now: hoursAfter(50) });
    expectClean(out);
    if (format === 'html') expect(out).not.toMatch(/<(script|img)/i);
    if (format === 'md') {
      expect(out).not.toMatch(/<(script|img)/i);
      // The closing summary is quoted: it cannot open a section of its own.
      expect(out.split('\n').filter((l) => l.startsWith('#')).map((l) => l.replace(/:.*/, ''))).toEqual(['# Incident inc-1', '## Clocks', '## Timeline', '## Summary']);
      expect(out.split('\n').filter((l) => /^(#+ |- )Log integrity/.test(l))).toEqual([expect.stringMatching(/^- Log integrity: verified/)]);
    }
  });

  it('the exercise reports', () => {
    const ex = poisoned(exercise());
    const report = buildReport(ex, plans, runExercise(ex, plans));
    for (const out of [exerciseMarkdown(report), exerciseJson(report), exerciseJunit(report)]) expectClean(out);
    expect(exerciseMarkdown(report)).not.toMatch(/<(script|img)/i);
    const html = exerciseHtml(report, { run: { plans, events: runExercise(ex, plans).events } });
    expectClean(html);
    expect(html).not.toMatch(/<(script|img)/i);
  });

  it.each(graphFormats)('the %s diagram, with and without the path taken', (format) => {
    for (const plan of plans.values()) {
      for (const overlay of [undefined, buildOverlay('inc-1', last, events)]) {
        const out = renderGraph(format, plan, plans, overlay ? { overlay } : {});
        expectClean(out);
        // In DOT a tag inside a quoted label is only text; in SVG and Mermaid it would be markup.
        if (format !== 'dot') expect(out).not.toMatch(/<(script|img)/i);
      }
    }
  });

  it.each(Object.keys(findingFormats) as (keyof typeof findingFormats)[])('validate --format %s', (format) => {
    const file = `plans/${hostileStrings[0]}.yaml`;
    const findings = hostileStrings.map((message, i) => ({ file, line: i + 1, column: 1, severity: 'error' as const, rule: 'x/y', message, path: `/${message}` }));
    const out = findingFormats[format]({ files: [file], findings }, context({ styler: colour, sources: new Map([[file, hostileStrings.join('\n')]]) }));
    expectClean(out);
  });

  it('the walkthrough screen and its menu', async () => {
    const log = new MemoryEventLog<IncidentEvent>();
    log.createNow({ id: 'inc-1', title: 'x', planId: 'xx-ncp', createdAt: AWARE.toISOString(), plans: [] });
    log.appendAllNow('inc-1', events.slice(0, Math.max(3, events.findIndex((e) => e.type === 'decision-taken'))));
    const prompter = new ScriptedPrompter([{ select: 'Pause' }]);
    const screen = new BufferScreen(80, 24);
    const deps = { log, prompter, screen, clock: new FakeClock(hoursAfter(30)), runner: new FakeRunner(), styler: colour, formatTime: (t: string) => t, workdir: fakeWorkdir, interrupts: new FakeInterrupts() };
    await walk(deps, { incidentId: 'inc-1', plans, actor: 'ana' });
    expectClean(screen.text);
    expect(prompter.offered.length).toBeGreaterThan(3);
    expectClean(prompter.offered.join('\n'));
    for (const entry of prompter.offered) expect(entry).not.toContain('\n');
  });
});
