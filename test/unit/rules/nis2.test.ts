import { describe, expect, it } from 'vitest';
import { nis2AuthorityDesignated, nis2AuthorityTasks, nis2Coordinator } from '../../../src/core/plan/rules/nis2-authority.js';
import { nis2Infrastructure, nis2Stakeholders, nis2UnionArrangements } from '../../../src/core/plan/rules/nis2-parties.js';
import {
  nis2ExercisesTraining,
  nis2PreparednessMeasures,
  nis2PreparednessObjectives,
} from '../../../src/core/plan/rules/nis2-preparedness.js';
import { nis2FrameworkIntegration, nis2InfoExchangeChannels, nis2Procedures } from '../../../src/core/plan/rules/nis2-procedures.js';
import { nis2Rules } from '../../../src/core/plan/rules/index.js';
import type { Rule } from '../../../src/core/plan/rules/rule.js';
import { check, euPlan, mutate, nationalPlan, type Loose } from './plan-builder.js';

/** Runs a rule on the baseline national plan changed by `edit`; expects exactly one warning and returns it. */
function only(rule: Rule, edit: (p: Loose) => void): { path: string; message: string } {
  const out = check(rule, mutate(nationalPlan(), edit));
  expect(out).toHaveLength(1);
  expect(out[0]).toMatchObject({ rule: rule.id, severity: 'warning' });
  return { path: out[0]?.path ?? '', message: out[0]?.message ?? '' };
}

describe('NIS2 profile', () => {
  it('passes on a complete national plan and ignores the EU plan, however bare', () => {
    for (const rule of nis2Rules) {
      expect(check(rule, nationalPlan())).toEqual([]);
      expect(check(rule, euPlan())).toEqual([]);
    }
  });

  it('art9-1: a cyber crisis management authority is designated', () => {
    const f = only(nis2AuthorityDesignated, (p) => (p.roles[1].type = 'government'));
    expect(f.path).toBe('/roles');
    expect(f.message).toContain('type: cyber-crisis-authority');
    expect(f.message).toContain('NIS2 Art. 9(1)');
  });

  it('art9-2: with several authorities, one coordinator', () => {
    const two = (p: Loose): void => void p.roles.push({ id: 'ministry', title: 'M', type: 'cyber-crisis-authority' });
    const none = only(nis2Coordinator, two);
    expect(none.path).toBe('/roles');
    expect(none.message).toContain('2 cyber crisis management authorities but none is the coordinator');
    const many = only(nis2Coordinator, (p) => {
      two(p);
      p.roles[1].coordinator = true;
      p.roles[2].coordinator = true;
    });
    expect(many.path).toBe('/roles/2/coordinator');
    const one = mutate(nationalPlan(), (p) => {
      two(p);
      p.roles[2].coordinator = true;
    });
    expect(check(nis2Coordinator, one)).toEqual([]);
  });

  it('art9-4-a: preparedness objectives', () => {
    const f = only(nis2PreparednessObjectives, (p) => (p.preparedness.objectives = ['  ']));
    expect(f.path).toBe('/preparedness/objectives');
    expect(f.message).toBe(
      'add preparedness.objectives: the objectives of national preparedness measures and activities (NIS2 Art. 9(4)(a))',
    );
    expect(only(nis2PreparednessObjectives, (p) => delete p.preparedness).path).toBe('');
  });

  it('art9-4-b: tasks of the authority', () => {
    const f = only(nis2AuthorityTasks, (p) => (p.roles[1].tasks = []));
    expect(f.path).toBe('/roles/1/tasks');
    expect(f.message).toContain('the tasks and responsibilities of the cyber crisis management authorities (NIS2 Art. 9(4)(b))');
    const g = only(nis2AuthorityTasks, (p) => delete p.roles[1].tasks);
    expect(g.path).toBe('/roles/1');
  });

  it('art9-4-c: procedures in the detection and response phases', () => {
    const f = only(nis2Procedures, (p) => (p.steps[0].phase = 'response'));
    expect(f.path).toBe('/steps');
    expect(f.message).toContain('add steps with phase: detection');
    expect(f.message).toContain('NIS2 Art. 9(4)(c)');
  });

  it('art9-4-c: integration into the national crisis framework', () => {
    const f = only(nis2FrameworkIntegration, (p) => delete p.nationalFramework);
    expect(f.path).toBe('');
    expect(f.message).toContain('add nationalFramework.integration');
    expect(only(nis2FrameworkIntegration, (p) => (p.nationalFramework.integration = '')).path).toBe(
      '/nationalFramework/integration',
    );
  });

  it('art9-4-c: information-exchange channels that roles use', () => {
    const none = only(nis2InfoExchangeChannels, (p) => delete p.channels);
    expect(none.path).toBe('');
    expect(none.message).toContain('add channels: the information-exchange channels');
    const unused = only(nis2InfoExchangeChannels, (p) => delete p.roles[0].contacts);
    expect(unused.path).toBe('/roles');
    expect(unused.message).toContain('add contacts to the roles');
  });

  it('art9-4-d: preparedness measures', () => {
    const f = only(nis2PreparednessMeasures, (p) => delete p.preparedness.measures);
    expect(f.path).toBe('/preparedness');
    expect(f.message).toBe('add preparedness.measures: the national preparedness measures (NIS2 Art. 9(4)(d))');
  });

  it('art9-4-d: exercises and training, naming what is missing', () => {
    const one = only(nis2ExercisesTraining, (p) => (p.preparedness.training = []));
    expect(one.path).toBe('/preparedness/training');
    expect(one.message).toContain('add preparedness.training:');
    const both = only(nis2ExercisesTraining, (p) => {
      delete p.preparedness.training;
      delete p.preparedness.exercises;
    });
    expect(both.path).toBe('/preparedness');
    expect(both.message).toContain('add preparedness.exercises and preparedness.training');
  });

  it('art9-4-e: stakeholders and infrastructure', () => {
    const s = only(nis2Stakeholders, (p) => (p.stakeholders = []));
    expect(s.path).toBe('/stakeholders');
    expect(s.message).toContain('public and private stakeholders involved (NIS2 Art. 9(4)(e))');
    const i = only(nis2Infrastructure, (p) => delete p.infrastructure);
    expect(i.path).toBe('');
    expect(i.message).toContain('add infrastructure: the infrastructure involved');
  });

  it('art9-4-f: Union-level arrangements that point into the parent plan', () => {
    const none = only(nis2UnionArrangements, (p) => delete p.unionArrangements);
    expect(none.path).toBe('');
    expect(none.message).toContain('add unionArrangements');
    expect(none.message).toContain('NIS2 Art. 9(4)(f)');
    const elsewhere = only(nis2UnionArrangements, (p) => (p.unionArrangements[0].ref = 'triage'));
    expect(elsewhere.path).toBe('/unionArrangements/0/ref');
    expect(elsewhere.message).toContain('is not in the parent plan "eu-circp"');
    // An unresolved step of the parent is ref/unknown-step's error, not this warning.
    expect(check(nis2UnionArrangements, mutate(nationalPlan(), (p) => (p.unionArrangements[0].ref = 'eu-circp#x')))).toEqual([]);
  });
});
