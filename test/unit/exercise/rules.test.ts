import { describe, expect, it } from 'vitest';
import { checkExercise, exerciseRules } from '../../../src/core/exercise/rules/index.js';
import type { Exercise } from '../../../src/core/exercise/types.js';
import { exercise, plans } from './fixtures.js';

const ids = (ex: unknown) => checkExercise(ex, plans()).map((f) => `${f.rule} ${f.path}`);
const messages = (ex: unknown) => checkExercise(ex, plans()).map((f) => f.message);

describe('exercise rules', () => {
  it('find nothing in a correct exercise', () => {
    expect(checkExercise(exercise(), plans())).toEqual([]);
  });

  it('have unique ids, a severity and a description', () => {
    expect(new Set(exerciseRules.map((r) => r.id)).size).toBe(exerciseRules.length);
    for (const r of exerciseRules) expect(r.description.length).toBeGreaterThan(20);
  });

  it('report an unknown plan, for the exercise and for PLAN#ID references', () => {
    expect(ids(exercise({ plan: 'xx-nc' }))).toContain('exercise/unknown-plan /plan');
    expect(messages(exercise({ plan: 'xx-nc' }))[0]).toMatch(/plan "xx-nc" is not loaded; did you mean "xx-ncp"\?/);
    const ex = exercise({ participants: ['yy#cyclone'] });
    expect(ids(ex)).toEqual(['exercise/unknown-plan /participants/0']);
  });

  it('report unknown steps, options, actions, roles, clocks, levels and notifications', () => {
    const ex: Exercise = exercise({
      participants: ['national-csirt', 'eu-circp#cyclon'],
      script: [
        { at: 'PT1H', do: 'action-done', step: 'triage', action: 5 },
        { at: 'PT1H', do: 'action-done', step: 'triage', action: 'Collect indicators' },
        { at: 'PT2H', do: 'decision', step: 'assess', option: 'Large scale' },
        { at: 'PT2H', do: 'decision', step: 'triage', option: 'Yes' },
        { at: 'PT3H', do: 'skip', step: 'asses', reason: 'x' },
        { at: 'PT3H', do: 'notify', notification: 'eu-circp#cyclone-sitrap' },
        { at: 'PT3H', do: 'escalate', level: 'cosmic' },
        { at: 'PT3H', do: 'start-clock', clock: 'intermediat' },
      ],
      expectations: [
        { id: 'a', objective: 'detect', type: 'decision-taken', step: 'assess', option: 'Small' },
        { id: 'b', objective: 'escalate', type: 'notification-sent', to: 'presidnecy' },
        { id: 'c', objective: 'escalate', type: 'clock-met', clock: 'eu-circp#sitrep' },
      ],
    });
    expect(ids(ex).sort()).toEqual(
      [
        'exercise/unknown-step /script/4/step',
        'exercise/unknown-option /script/2/option',
        'exercise/unknown-option /script/3/option',
        'exercise/unknown-option /expectations/0/option',
        'exercise/unknown-action /script/0/action',
        'exercise/unknown-role /participants/1',
        'exercise/unknown-notification /script/5/notification',
        'exercise/unknown-level /script/6/level',
        'exercise/unknown-clock /script/7/clock',
        'exercise/unknown-clock /expectations/2/clock',
        'exercise/unknown-role /expectations/1/to',
      ].sort(),
    );
    const text = messages(ex).join('\n');
    expect(text).toContain('script entry 5 at PT3H: step "asses": plan "xx-ncp" has no step "asses"; did you mean "assess"?');
    expect(text).toContain('"Large scale" is not an option of step "assess"; did you mean "Large-scale"?');
    expect(text).toContain('step "triage" has no decision to take');
  });

  it('report a scripted start of a report with no deadline of its own that gives no due time', () => {
    const P = plans();
    const national = P.get('xx-ncp');
    if (!national) throw new Error('fixture');
    P.set('xx-ncp', { ...national, clocks: (national.clocks ?? []).map(({ within, ...c }) => (c.id === 'intermediate' ? c : { ...c, ...(within === undefined ? {} : { within }) })) });
    const start = (due?: string) => exercise({ script: [{ at: 'PT1H', do: 'start-clock', clock: 'intermediate', ...(due === undefined ? {} : { due }) }, ...(exercise().script ?? [])] });
    expect(checkExercise(start(), P).map((f) => `${f.rule} ${f.path}`)).toEqual(['exercise/missing-due /script/0']);
    expect(checkExercise(start('P3D'), P)).toEqual([]);
    expect(checkExercise(start('3 days'), P).map((f) => `${f.rule} ${f.path}`)).toEqual(['format/duration /script/0/due']);
    // A clock with a deadline of its own needs none.
    expect(ids(exercise({ script: [{ at: 'PT1H', do: 'start-clock', clock: 'intermediate' }, ...(exercise().script ?? [])] }))).toEqual([]);
  });

  it('report unknown objectives, injects and severities, and objectives without expectations', () => {
    const ex = exercise({
      incident: { title: 'x', severity: 'huge' },
      objectives: [...exercise().objectives, { id: 'spare', title: 'Spare' }],
      expectations: [{ id: 'a', objective: 'detetc', type: 'step-reached', step: 'assess', within: 'PT1H', after: 'nope' }, ...exercise().expectations],
    });
    expect(ids(ex).sort()).toEqual(
      ['exercise/unknown-inject /expectations/0/after', 'exercise/unknown-objective /expectations/0/objective', 'exercise/unknown-severity /incident/severity', 'exercise/unscored-objective /objectives/2/id'].sort(),
    );
    expect(checkExercise(ex, plans()).find((f) => f.rule === 'exercise/unscored-objective')?.severity).toBe('warning');
  });

  it('report duplicate inject ids, and ids shared by objectives and expectations', () => {
    const base = exercise();
    const ex = exercise({
      injects: [...base.injects, { ...base.injects[0]!, at: 'PT3H' }],
      expectations: [...base.expectations, { id: 'detect', objective: 'detect', type: 'step-reached', step: 'assess' }],
    });
    expect(ids(ex)).toEqual(['exercise/duplicate-inject /injects/2/id', 'exercise/duplicate-id /expectations/6/id']);
  });

  it('report offsets that are not durations, script out of order, and cues outside the exercise', () => {
    const ex = exercise({
      end: 'PT5H',
      incident: { title: 'x', awareness: 'PT1H', opened: 'PT30M' },
      injects: [{ id: 'i', at: 'two hours', title: 'I', message: 'm' }],
      script: [
        { at: 'PT2H', do: 'note', text: 'a' },
        { at: 'PT1H', do: 'note', text: 'b' },
        { at: 'PT6H', do: 'note', text: 'c' },
        { at: 'PT20M', do: 'note', text: 'd' },
      ],
      expectations: [{ id: 'a', objective: 'detect', type: 'step-reached', step: 'assess', by: '4h' }, { id: 'b', objective: 'escalate', type: 'step-reached', step: 'assess' }],
    });
    expect(ids(ex)).toEqual([
      'format/duration /injects/0/at',
      'format/duration /expectations/0/by',
      'exercise/out-of-time /incident/opened',
      'exercise/out-of-time /script/2/at',
      'exercise/out-of-time /script/3/at',
      'exercise/script-order /script/1/at',
      'exercise/script-order /script/3/at',
    ]);
  });

  it('survive documents that are not exercises at all', () => {
    for (const junk of [null, 42, 'text', [], { plan: 7, script: 'x', expectations: [null, 3, { step: {} }] }, { script: [{ do: 'decision', step: 'assess', option: {} }] }]) {
      expect(() => checkExercise(junk, plans())).not.toThrow();
      expect(checkExercise(junk, plans()).filter((f) => f.rule === 'internal/rule-crashed')).toEqual([]);
    }
  });
});
