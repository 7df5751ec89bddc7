import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/core/exercise/report-data.js';
import { runExercise } from '../../../src/core/exercise/run.js';
import type { Exercise, ScriptEntry } from '../../../src/core/exercise/types.js';
import { exerciseJson, exerciseJunit, exerciseMarkdown } from '../../../src/core/report/exercise/index.js';
import { parseXml, type XmlElement } from '../report/xml-tree.js';
import { exercise, expectations, plans, script } from './fixtures.js';

function report(over: Partial<Exercise> = {}) {
  const ex = exercise(over);
  return buildReport(ex, plans(), runExercise(ex, plans()));
}

/** A failing variant: the early warning comes a day late, the EU option is never taken, one entry is refused. */
const failing = (): Partial<Exercise> => ({
  script: (<ScriptEntry[]>[
    ...script
      .filter((s) => !(s.do === 'notify' && s.notification === 'ew-report'))
      .map((s) => (s.do === 'decision' && s.option === 'Yes' ? { ...s, option: 'No' } : s))
      .map((s) => (s.do === 'close' ? { ...s, at: 'P1DT3H' } : s)),
    { at: 'P1DT2H', do: 'notify', notification: 'ew-report' },
    { at: 'P1DT2H', do: 'decision', step: 'assess', option: 'National' },
  ]).sort((a, b) => (a.at < b.at ? -1 : 1)),
});

describe('markdown report', () => {
  const md = exerciseMarkdown(report(failing()));

  it('starts and ends with the TLP marking', () => {
    expect(md.split('\n')[0]).toBe('**TLP:AMBER**');
    expect(md.trimEnd().split('\n').at(-1)).toBe('**TLP:AMBER**');
  });

  it('has every section, in order', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Exercise report: Hospital ransomware',
      '## Participants',
      '## Objectives',
      '## Expectations',
      '## Clocks at the end of the exercise',
      '## Timeline (simulated time)',
      '## Script problems',
      '## Improvement plan',
    ]);
  });

  it('shows the result, ratings, margins, injects, problems and owners', () => {
    expect(md).toContain('| Result | FAILED: score ');
    expect(md).toMatch(/\| Detect and report on time \(detect\) \| [MU]: /);
    expect(md).toContain('| ew-clock: clock xx-ncp#early-warning met | detect | 1 | yes | LATE: late by 2 h | T+1 d | T+1 d 2 h | 2 h late |');
    expect(md).toContain('| T+2 h | facilitator | xx-ncp#triage | INJECT second-ms: Second Member State: A hospital abroad is hit too. (memberStates: 2) |');
    expect(md).toMatch(/- script entry \d+ at P1DT2H \(decision\): not possible: /);
    expect(md).toContain('National CSIRT (xx-ncp#national-csirt)');
  });

  it('escapes table cells', () => {
    const out = exerciseMarkdown(report({ objectives: [{ id: 'detect', title: 'Detect | report\nfast' }, { id: 'escalate', title: 'E' }] }));
    expect(out).toContain('| Detect \\| report fast (detect) |');
  });

  it('says so when everything was met', () => {
    expect(exerciseMarkdown(report())).toContain('## Improvement plan\n\nEvery expectation was met.');
  });
});

describe('json report', () => {
  it('has the documented shape and numbers', () => {
    const json = JSON.parse(exerciseJson(report(failing()))) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['reportVersion', 'tlp', 'exercise', 'passed', 'score', 'objectives', 'expectations', 'clocks', 'timeline', 'problems', 'improvements']);
    expect(json).toMatchObject({ reportVersion: 1, tlp: 'AMBER', passed: false, score: { total: expectations.length, mandatoryMissed: 2 } }); // ew-sent and ew-clock
    const exps = json['expectations'] as { id: string; status: string; marginMs?: number; deadline?: string }[];
    expect(exps.find((e) => e.id === 'ew-clock')).toMatchObject({ status: 'late', marginMs: -7_200_000, deadline: '2025-03-02T08:00:00.000Z' });
    expect(exps.find((e) => e.id === 'strategic')).toMatchObject({ status: 'missed' });
    const improvements = json['improvements'] as { expectation: string; mandatory: boolean; owner?: { roleId: string } }[];
    expect(improvements.slice(0, 3).map((i) => [i.expectation, i.mandatory])).toEqual([['ew-sent', true], ['ew-clock', true], ['strategic', false]]);
    expect(improvements[0]).toMatchObject({ owner: { roleId: 'national-csirt' } });
    expect((json['timeline'] as { kind: string }[]).filter((t) => t.kind === 'inject')).toHaveLength(2);
  });
});

describe('junit report', () => {
  const tricky = (): Partial<Exercise> => ({
    ...failing(),
    metadata: { id: 'x', title: 'T', version: '1', tlp: 'RED' },
    expectations: expectations.map((e) => (e.id === 'ew-clock' ? { ...e, description: 'Early "warning" <in time> & \u0001 ok' } : e)),
  });

  it('is well-formed XML with one testcase per expectation and failures for the missed ones', () => {
    const xml = exerciseJunit(report(tricky()));
    const root = parseXml(xml);
    const suite = root.children[0] as XmlElement;
    const cases = suite.children.filter((c) => c.name === 'testcase');
    expect(cases).toHaveLength(expectations.length);
    const failed = cases.filter((c) => c.children.some((x) => x.name === 'failure'));
    expect(suite.attrs).toMatchObject({ tests: String(expectations.length), failures: String(failed.length) });
    const ew = cases.find((c) => c.attrs['name']?.startsWith('ew-clock'));
    expect(ew?.attrs['name']).toBe('ew-clock: Early "warning" <in time> &  ok');
    expect(ew?.children[0]?.attrs).toMatchObject({ type: 'mandatory' });
    expect(ew?.children[0]?.text).toContain('result: late: late by 2 h');
    expect(xml).toContain('<!-- TLP:RED -->');
    expect(suite.children.find((c) => c.name === 'system-err')?.text).toMatch(/not possible/);
  });

  it('reports a missed optional expectation as skipped, not failed, so the report agrees with exit 0', () => {
    const suite = parseXml(exerciseJunit(report(tricky()))).children[0] as XmlElement;
    const strategic = suite.children.find((c) => c.attrs['name']?.startsWith('strategic:'));
    expect(strategic?.children.map((c) => c.name)).toEqual(['skipped', 'system-out']);
    expect(strategic?.children[0]?.attrs['message']).toMatch(/^optional expectation /);
    const cases = suite.children.filter((c) => c.name === 'testcase');
    const skipped = cases.filter((c) => c.children.some((x) => x.name === 'skipped')).length;
    expect(skipped).toBeGreaterThan(0);
    expect(suite.attrs).toMatchObject({ skipped: String(skipped) });
  });

  it('gives the run time in seconds', () => {
    const suite = parseXml(exerciseJunit(report(tricky()), { elapsedMs: 1234 })).children[0] as XmlElement;
    expect(suite.attrs['time']).toBe('1.234');
  });
});
