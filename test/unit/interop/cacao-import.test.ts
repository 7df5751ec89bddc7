import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../../../src/core/plan/types.js';
import { UsageError } from '../../../src/core/errors.js';
import { planToCacao } from '../../../src/core/interop/cacao/export.js';
import { cacaoToPlan } from '../../../src/core/interop/cacao/import.js';
import { planYaml } from '../../../src/core/interop/cacao/plan-yaml.js';
import { readCacaoJson } from '../../../src/core/interop/cacao/read-json.js';
import { loadValidation, parseFile } from '../../../src/cli/load-documents.js';
import { cacaoAvailable, cacaoFolder, cacaoMissingReason, exampleFiles } from '../../helpers/cacao-schemas.js';
import { bundledPlans } from './bundled-plans.js';
import { fixturePlan } from './cacao-fixture.js';
import { foreignPlaybook } from './cacao-foreign-fixture.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
/** The playbook as another tool would read it: JSON text. */
const viaJson = (plan: Plan) => readCacaoJson('p.json', bytes(JSON.stringify(planToCacao(plan))));

/** Error findings of `crisis validate` on the plan as the YAML file import writes. */
function validationErrors(plan: Plan): string[] {
  const parsed = parseFile('imported.yaml', bytes(planYaml(plan, { file: 'p.json', playbookId: 'x' }, 'plan.schema.json')));
  const findings = parsed.doc ? loadValidation().check([parsed.doc]) : parsed.findings;
  return findings.filter((f) => f.severity === 'error').map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`);
}

describe('CACAO 2.0 → crisis plan', () => {
  it.each(bundledPlans().map((p) => [p.file, p.plan] as const))('%s comes back from its export as the same plan, and validates', (_file, plan) => {
    const { plan: back, findings } = cacaoToPlan(viaJson(plan), 'p.json');
    expect(back).toEqual(plan);
    expect(findings).toEqual([]);
    expect(validationErrors(back)).toEqual([]);
  });

  it('brings back tracks, joins, decisions (two and three options) and hand-overs exactly', () => {
    const plan = fixturePlan();
    const { plan: back, findings } = cacaoToPlan(viaJson(plan), 'p.json');
    expect(back).toEqual(plan);
    expect(findings).toEqual([]);
    expect(validationErrors(back)).toEqual([]);
  });

  it('brings back tracks started by a decision option', () => {
    const plan = fixturePlan();
    const assess = plan.steps.find((s) => s.id === 'assess');
    const major = assess?.decision?.options[1];
    if (!major) throw new Error('fixture changed');
    major.startsTracks = ['legal'];
    major.next = 'contain';
    plan.steps = plan.steps.filter((s) => s.id !== 'fork');
    expect(cacaoToPlan(viaJson(plan), 'p.json').plan).toEqual(plan);
    expect(validationErrors(plan)).toEqual([]);
  });

  it('brings back a track started in another plan (a hand-over as a parallel branch)', () => {
    const plan = fixturePlan();
    const fork = plan.steps.find((s) => s.id === 'fork');
    if (!fork) throw new Error('fixture changed');
    fork.startsTracks = ['legal', 'eu-circp#receive-national-escalation'];
    expect(cacaoToPlan(viaJson(plan), 'p.json').plan).toEqual(plan);
    expect(validationErrors(plan)).toEqual([]);
  });

  it('reads a playbook of another tool: conditions, parallel branches, commands, and says what it left out', () => {
    const { plan, findings } = cacaoToPlan(readCacaoJson('other.json', bytes(JSON.stringify(foreignPlaybook()))), 'other.json');
    expect(validationErrors(plan)).toEqual([]);
    expect(plan.metadata).toMatchObject({ id: 'phishing-response', title: 'Phishing response', tlp: 'AMBER', jurisdiction: 'EU' });
    const step = (id: string) => plan.steps.find((s) => s.id === id);
    expect(step('collect-the-mail')).toMatchObject({ owner: 'soc-analyst', actions: ['Ask the user to forward the mail as an attachment'] });
    expect(plan.roles.find((r) => r.id === 'soc-analyst')?.contacts).toEqual([{ channel: 'email-work', value: 'soc@example.org' }]);
    // The if-condition follows the action that precedes it: a decision of that step.
    expect(step('collect-the-mail')?.decision?.options.map((o) => [o.label, o.next])).toEqual([['Yes', 'block-the-sender'], ['No', 'end']]);
    // The parallel step: the first branch starts the other as a track; they meet at on_completion.
    expect(step('block-the-sender')).toMatchObject({ startsTracks: ['warn-the-staff'], actions: ['Run the ssh command: block-sender.sh'] });
    expect(step('block-the-sender')?.next).toBe('close-the-ticket');
    expect(step('warn-the-staff')?.next).toBe('close-the-ticket');
    expect(step('close-the-ticket')).toMatchObject({ join: 'all', end: true });
    const said = findings.map((f) => `${f.what}: ${f.why}`);
    expect(findings.every((f) => f.file === 'other.json')).toBe(true);
    expect(said.some((s) => s.includes('(ssh)') && s.includes('runs no CACAO commands'))).toBe(true);
    expect(said.some((s) => s.startsWith('on_failure of'))).toBe(true);
    expect(said.some((s) => s.startsWith('targets of'))).toBe(true);
    expect(said.some((s) => s.includes('cannot be reached from workflow_start'))).toBe(true);
    expect(said.some((s) => s.startsWith('cooperation levels'))).toBe(true);
  });

  it('ends a loop that has no way out where it closes, and says so', () => {
    const pb = foreignPlaybook();
    const close = pb.workflow['action--00000000-0000-4000-8000-000000000006'] as Record<string, unknown>;
    close.on_completion = 'action--00000000-0000-4000-8000-000000000006';
    const { plan, findings } = cacaoToPlan(readCacaoJson('loop.json', bytes(JSON.stringify(pb))), 'loop.json');
    expect(validationErrors(plan)).toEqual([]);
    expect(findings.map((f) => f.why).join('\n')).toMatch(/in a loop with no way out; it ends the plan instead/);
  });

  it('marks a playbook without a TLP marking RED, and says so', () => {
    const pb = foreignPlaybook();
    delete (pb as Partial<typeof pb>).markings;
    const { plan, findings } = cacaoToPlan(readCacaoJson('x.json', bytes(JSON.stringify(pb))), 'x.json');
    expect(plan.metadata.tlp).toBe('RED');
    expect(findings.some((f) => f.what === "the playbook's TLP")).toBe(true);
  });

  it('treats __proto__ and dangling references as missing steps, not objects of the program', () => {
    const pb = foreignPlaybook();
    (pb.workflow['action--00000000-0000-4000-8000-000000000002'] as Record<string, unknown>).on_completion = '__proto__';
    const { plan, findings } = cacaoToPlan(readCacaoJson('x.json', bytes(JSON.stringify(pb))), 'x.json');
    expect(validationErrors(plan)).toEqual([]);
    expect(findings.some((f) => f.what === 'the reference __proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a CACAO file crisis cannot read', () => {
  const refuse = (text: string | Uint8Array) => () => readCacaoJson('bad.json', typeof text === 'string' ? bytes(text) : text);
  it('names the file, line and column of a JSON error', () => {
    expect(refuse('{\n  "type": "playbook",\n  oops\n}')).toThrow(/^bad\.json:3:3: not JSON \(.+\): give a CACAO 2\.0 playbook \(JSON\)$/);
    expect(refuse('')).toThrow(/^bad\.json: not JSON/);
  });
  it('refuses text that is not UTF-8, nesting too deep, and JSON that is no playbook', () => {
    expect(refuse(new Uint8Array([0x7b, 0xff, 0x7d]))).toThrow(/bad\.json is not UTF-8 text/);
    expect(refuse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toThrow(/nested deeper than 64 levels/);
    expect(refuse('[]')).toThrow(/not a CACAO playbook \(the JSON is not an object\)/);
    expect(refuse('{"type":"identity"}')).toThrow(/its type is "identity", not "playbook"/);
    expect(refuse('{"type":"playbook","workflow":[]}')).toThrow(/no workflow object/);
    expect(refuse('{"type":"playbook","workflow":{},"workflow_start":"start--x"}')).toThrow(/workflow_start names no step/);
    expect(refuse('{"type":"playbook"}')).toThrow(UsageError);
  });
});

describe.skipIf(!cacaoAvailable)('the public example playbooks (../shared/cacao/examples)', () => {
  const files = cacaoAvailable ? exampleFiles() : [];
  const read = (f: string) => readFileSync(join(cacaoFolder, f));
  const playbooks = files.filter((f) => {
    const v = JSON.parse(read(f).toString('utf8')) as { type?: unknown; workflow?: unknown };
    return v.type === 'playbook' && typeof v.workflow === 'object' && v.workflow !== null && !Array.isArray(v.workflow);
  });

  it('are mostly importable playbooks', () => expect(playbooks.length).toBeGreaterThanOrEqual(15));

  it.each(playbooks)('%s imports as a plan that validates', (file) => {
    const { plan, findings } = cacaoToPlan(readCacaoJson(file, read(file)), file);
    expect(validationErrors(plan)).toEqual([]);
    expect(plan.steps.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.file === file && f.what !== '' && f.why !== '')).toBe(true);
  });

  it.each(files.filter((f) => !playbooks.includes(f)))('%s is refused in one sentence', (file) => {
    expect(() => readCacaoJson(file, read(file))).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (not a CACAO playbook|the CACAO playbook has no workflow object)`));
  });
});

describe.runIf(!cacaoAvailable)('the public example playbooks', () => {
  it(`skipped: ${cacaoMissingReason}`, () => expect(cacaoAvailable).toBe(false));
});

describe('the crisis extension is input too', () => {
  it('takes only the step and option fields crisis writes from it', () => {
    const pb = planToCacao(fixturePlan()) as unknown as { workflow: Record<string, { step_extensions?: Record<string, { step?: Record<string, unknown> }> }> };
    for (const step of Object.values(pb.workflow)) {
      for (const ext of Object.values(step.step_extensions ?? {})) {
        if (ext.step) Object.assign(ext.step, JSON.parse('{"__proto__": {"polluted": true}, "shell": "rm -rf /"}'));
      }
    }
    const { plan } = cacaoToPlan(readCacaoJson('x.json', bytes(JSON.stringify(pb))), 'x.json');
    expect(plan).toEqual(fixturePlan());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
