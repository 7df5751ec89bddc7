import { describe, expect, it } from 'vitest';
import { unknownChannel, unknownClock, unknownLevel, unknownNotification } from '../../../src/core/plan/rules/unknown-local.js';
import { unknownPlan } from '../../../src/core/plan/rules/unknown-plan.js';
import { unknownRole } from '../../../src/core/plan/rules/unknown-role.js';
import { unknownStep } from '../../../src/core/plan/rules/unknown-step.js';
import { check, euPlan, mutate, nationalPlan } from './plan-builder.js';

describe('ref/unknown-step', () => {
  it('passes when every next, option next, start and arrangement resolves', () => {
    expect(check(unknownStep, nationalPlan())).toEqual([]);
  });

  it('reports a local next with a did-you-mean', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[0].next = 'asess'));
    const [f, ...rest] = check(unknownStep, plan);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'ref/unknown-step', severity: 'error', path: '/steps/0/next' });
    expect(f?.message).toContain('step "triage": next "asess" is not a step of this plan');
    expect(f?.message).toContain('did you mean "assess"?');
  });

  it('reports start and an option next, without a suggestion when nothing is close', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.start = 'nowhere-at-all';
      p.steps[1].decision.options[0].next = 'zzz';
    });
    const out = check(unknownStep, plan);
    expect(out.map((f) => f.path)).toEqual(['/start', '/steps/1/decision/options/0/next']);
    expect(out[0]?.message).toBe('start "nowhere-at-all" is not a step of this plan');
    expect(out[1]?.message).toContain('step "assess", option "Handle nationally": next "zzz"');
    expect(out[1]?.message).not.toContain('did you mean');
  });

  it('reports PLAN#STEP when the plan is loaded but has no such step', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[1].decision.options[1].next = 'eu-circp#cyclone-asses'));
    const [f] = check(unknownStep, plan);
    expect(f?.path).toBe('/steps/1/decision/options/1/next');
    expect(f?.message).toContain('plan "eu-circp" has no step "cyclone-asses"; did you mean "cyclone-assess"?');
  });

  it('resolves OWN-ID#STEP against the plan itself', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[0].next = 'xx-ncirp#assess'));
    expect(check(unknownStep, plan)).toEqual([]);
  });

  it('leaves a PLAN#STEP into an unloaded plan to ref/unknown-plan', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[0].next = 'yy-plan#triage'));
    expect(check(unknownStep, plan)).toEqual([]);
  });

  it('reports a malformed reference', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[0].next = 'eu-circp#'));
    expect(check(unknownStep, plan)[0]?.message).toContain('is not a valid reference');
  });

  it('checks Union-level arrangements against the steps and roles of the named plan', () => {
    const roleRef = mutate(nationalPlan(), (p) => (p.unionArrangements[0].ref = 'eu-circp#eu-cyclone'));
    expect(check(unknownStep, roleRef)).toEqual([]);
    const broken = mutate(nationalPlan(), (p) => (p.unionArrangements[0].ref = 'eu-circp#ipcr'));
    const [f] = check(unknownStep, broken);
    expect(f).toMatchObject({ rule: 'ref/unknown-step', severity: 'error', path: '/unionArrangements/0/ref' });
    expect(f?.message).toContain('plan "eu-circp" has no step or role "ipcr"');
  });
});

describe('ref/unknown-plan', () => {
  it('passes when cross-plan references name loaded plans', () => {
    expect(check(unknownPlan, nationalPlan())).toEqual([]);
  });

  it('names the loaded plans, suggests a near miss and explains that files resolve together', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[1].decision.options[1].next = 'eu-cirp#cyclone-assess'));
    const [f, ...rest] = check(unknownPlan, plan);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'ref/unknown-plan', severity: 'error', path: '/steps/1/decision/options/1/next' });
    expect(f?.message).toContain('plan "eu-cirp" is not loaded; did you mean "eu-circp"?');
    expect(f?.message).toContain('loaded plans: "eu-circp", "xx-ncirp"');
    expect(f?.message).toContain('Files given together to crisis validate resolve against each other');
  });

  it('covers PLAN#ROLE recipients and arrangement refs too', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.notifications[0].to = 'yy#spoc';
      p.unionArrangements[0].ref = 'yy#step';
    });
    expect(check(unknownPlan, plan).map((f) => f.path)).toEqual(['/unionArrangements/0/ref', '/notifications/0/to']);
  });

  it('is satisfied once the other plan is given too', () => {
    const other = mutate(euPlan(), (p) => (p.metadata.id = 'yy'));
    const plan = mutate(nationalPlan(), (p) => (p.steps[0].next = 'yy#close'));
    expect(check(unknownPlan, plan, other)).toEqual([]);
    expect(check(unknownStep, plan, other)).toEqual([]);
  });
});

describe('ref/unknown-role', () => {
  it('passes when all role references resolve', () => {
    expect(check(unknownRole, nationalPlan())).toEqual([]);
  });

  it('reports every kind of role reference', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.steps[0].owner = 'csirtt';
      p.steps[1].supporting = ['csirt', 'police'];
      p.steps[1].decision.owner = 'boss';
      p.notifications[0].to = 'spoc';
      p.capabilities[0].owner = 'lab';
      p.levels[1].actors = ['ghost'];
      p.stakeholders[0].role = 'operator';
    });
    const out = check(unknownRole, plan);
    expect(out.every((f) => f.rule === 'ref/unknown-role' && f.severity === 'error')).toBe(true);
    expect(out.map((f) => f.path)).toEqual([
      '/steps/0/owner',
      '/steps/1/supporting/1',
      '/steps/1/decision/owner',
      '/notifications/0/to',
      '/capabilities/0/owner',
      '/levels/1/actors/0',
      '/stakeholders/0/role',
    ]);
    expect(out[0]?.message).toBe('step "triage": owner "csirtt" is not a role of this plan; did you mean "csirt"?');
    expect(out[2]?.message).toContain('decision.owner "boss"');
  });

  it('checks PLAN#ROLE against the other plan', () => {
    const ok = mutate(nationalPlan(), (p) => (p.notifications[0].to = 'eu-circp#eu-cyclone'));
    expect(check(unknownRole, ok)).toEqual([]);
    const bad = mutate(nationalPlan(), (p) => (p.notifications[0].to = 'eu-circp#cyclone'));
    expect(check(unknownRole, bad)[0]?.message).toContain('plan "eu-circp" has no role "cyclone"; did you mean "eu-cyclone"?');
  });
});

describe('local references', () => {
  it('pass on the baseline plan', () => {
    for (const rule of [unknownLevel, unknownClock, unknownChannel, unknownNotification]) {
      expect(check(rule, nationalPlan())).toEqual([]);
    }
  });

  it('ref/unknown-level: step level, option escalate, role level', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.steps[0].level = 'tecnical';
      p.steps[1].decision.options[1].escalate = 'political';
      p.roles[0].level = 'ops';
    });
    const out = check(unknownLevel, plan);
    expect(out.map((f) => [f.rule, f.severity, f.path])).toEqual([
      ['ref/unknown-level', 'error', '/steps/0/level'],
      ['ref/unknown-level', 'error', '/steps/1/decision/options/1/escalate'],
      ['ref/unknown-level', 'error', '/roles/0/level'],
    ]);
    expect(out[0]?.message).toBe('step "triage": level "tecnical" is not defined in levels; did you mean "technical"?');
  });

  it('ref/unknown-clock: startsClocks, option startsClocks, notification clock, after', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.steps[0].startsClocks = ['early-warnin'];
      p.steps[1].decision.options[0].startsClocks = ['gdpr'];
      p.notifications[0].clock = 'x';
      p.clocks[2].after = 'notif';
    });
    const out = check(unknownClock, plan);
    expect(out.map((f) => f.path)).toEqual([
      '/steps/0/startsClocks/0',
      '/steps/1/decision/options/0/startsClocks/0',
      '/notifications/0/clock',
      '/clocks/2/after',
    ]);
    expect(out[0]?.message).toContain('did you mean "early-warning"?');
    expect(out[3]?.message).toContain('clock "final": after "notif" is not defined in clocks');
  });

  it('ref/unknown-channel: role contacts and notifications', () => {
    const plan = mutate(nationalPlan(), (p) => {
      p.roles[0].contacts[0].channel = 'fone';
      p.notifications[0].channel = 'email';
    });
    const out = check(unknownChannel, plan);
    expect(out.map((f) => f.path)).toEqual(['/roles/0/contacts/0/channel', '/notifications/0/channel']);
    expect(out[0]?.message).toBe('role "csirt": contacts.channel "fone" is not defined in channels; did you mean "phone"?');
  });

  it('ref/unknown-notification: step notify', () => {
    const plan = mutate(nationalPlan(), (p) => (p.steps[0].notify = ['warn-csirt', 'warn-spoc']));
    const out = check(unknownNotification, plan);
    expect(out).toEqual([
      expect.objectContaining({ rule: 'ref/unknown-notification', severity: 'error', path: '/steps/0/notify/1' }),
    ]);
    expect(out[0]?.message).toContain('notify "warn-spoc" is not defined in notifications');
  });
});
