// A plan as an OASIS CACAO 2.0 playbook. Human steps are action steps with `manual` commands
// whose agent is the owner role (an organization); decisions are if-conditions (two options) or
// switch-conditions; tracks are parallel steps whose on_completion is the join they meet at;
// hand-overs into another plan are playbook-actions naming that plan's playbook; the plan's TLP
// is a TLP 2.0 marking. Every id is a UUIDv5 of what the object is (ids.ts).
import type { DecisionOption, Plan, Role, Step } from '../../plan/types.js';
import { commandLine } from '../../safe-text/index.js';
import { forkJoin, localStep } from './fork-joins.js';
import { cacaoId, CRISIS_EXTENSION_ID, CRISIS_IDENTITY, DECISION_VARIABLE, playbookId, TLP_MARKING_IDS } from './ids.js';
import type { StepDetails, StepMarker } from './step-extension.js';
import type { CacaoAgent, CacaoCommand, CacaoContact, CacaoPlaybook, CacaoStep } from './types.js';

/** When a plan says nothing about its date: CACAO needs created and modified, and they must not change between runs. */
const NO_DATE = '1970-01-01T00:00:00.000Z';

/** The playbook of `plan` (a valid plan: references resolve). */
export function planToCacao(plan: Plan): CacaoPlaybook {
  return new Exporter(plan).playbook();
}

class Exporter {
  private readonly workflow: Record<string, CacaoStep> = {};
  private readonly agents: Record<string, CacaoAgent> = {};
  private readonly steps: Map<string, Step>;
  private readonly joins = new Set<string>();
  private readonly forkJoins = new Map<string, string | undefined>();
  private readonly pid: string;

  constructor(private readonly plan: Plan) {
    this.pid = plan.metadata.id;
    this.steps = new Map(plan.steps.map((s) => [s.id, s]));
    for (const step of plan.steps) {
      if (step.startsTracks?.length) this.noteFork(`fork/${step.id}`, step.id, step.startsTracks);
      step.decision?.options.forEach((o, i) => {
        if (o.startsTracks?.length) this.noteFork(`fork/${step.id}/option/${i}`, o.next, o.startsTracks);
      });
    }
  }

  private noteFork(name: string, continuation: string, tracks: readonly string[]): void {
    const join = forkJoin(this.plan, continuation, tracks, this.steps);
    this.forkJoins.set(name, join);
    if (join !== undefined) this.joins.add(join);
  }

  private id(type: string, name: string): string {
    return cacaoId(type, `${this.pid}/${name}`);
  }

  playbook(): CacaoPlaybook {
    const { metadata } = this.plan;
    const start = this.id('start', 'start');
    this.workflow[start] = { type: 'start', name: 'Start', on_completion: this.entry(this.plan.start ?? this.plan.steps[0]?.id ?? '', 'start') };
    for (const step of this.plan.steps) this.addStep(step);
    const date = metadata.adopted ? `${metadata.adopted}T00:00:00.000Z` : NO_DATE;
    const marking = TLP_MARKING_IDS[metadata.tlp];
    const references = [...(metadata.legalBasis ?? []), ...(metadata.references ?? [])].map((name) => ({ name }));
    const { steps: _steps, ...sections } = this.plan;
    const hasDecisions = this.plan.steps.some((s) => s.decision);
    return {
      type: 'playbook',
      spec_version: 'cacao-2.0',
      id: playbookId(this.pid),
      name: metadata.title,
      description: metadata.description ?? metadata.title,
      created_by: this.id('identity', 'authors'),
      created: date,
      modified: date,
      labels: ['crisis-plan', `jurisdiction:${metadata.jurisdiction}`, `version:${metadata.version}`],
      ...(references.length > 0 ? { external_references: references } : {}),
      markings: [marking],
      ...(hasDecisions ? { playbook_variables: { [DECISION_VARIABLE]: { type: 'string', description: 'The label of the option a decision takes.', value: '' } } } : {}),
      workflow_start: start,
      workflow: this.workflow,
      ...(Object.keys(this.agents).length > 0 ? { agent_definitions: this.agents } : {}),
      extension_definitions: {
        [CRISIS_EXTENSION_ID]: {
          type: 'extension-definition',
          name: 'crisis plan',
          description: 'What a crisis plan (apiVersion crisis/v1) says that CACAO has no property for: cooperation levels, phases, legal bases, clocks, notifications; and markers that let crisis read its own export back exactly.',
          created_by: CRISIS_IDENTITY,
          schema: 'https://github.com/crisis-plans/crisis/blob/main/schemas/plan.schema.json',
          version: '1.0.0',
        },
      },
      playbook_extensions: { [CRISIS_EXTENSION_ID]: { plan: sections } },
      data_marking_definitions: {
        [marking]: { type: 'marking-tlp', id: marking, created_by: CRISIS_IDENTITY, created: '2022-10-01T00:00:00.000Z', tlpv2_level: `TLP:${metadata.tlp}` },
      },
    };
  }

  /** The CACAO step a reference leads to, coming from `from` (a name unique to the edge). */
  private entry(ref: string, from: string): string {
    const local = localStep(this.plan, ref);
    if (local === undefined) return this.handover(ref);
    if (this.joins.has(local)) return this.arrival(local, from);
    return this.stepEntry(local);
  }

  /** A step's own entry: its fork when it starts tracks, else its action. */
  private stepEntry(stepId: string): string {
    const step = this.steps.get(stepId);
    return step?.startsTracks?.length ? this.id('parallel', `fork/${stepId}`) : this.id('action', `step/${stepId}`);
  }

  /** A track arriving at a join ends its branch; the fork's on_completion goes on from the join. */
  private arrival(join: string, from: string): string {
    const id = this.id('end', `arrive/${join}/from/${from}`);
    this.workflow[id] = { type: 'end', name: `Track arrives at ${this.steps.get(join)?.title ?? join}`, ...marker({ arrives: join }) };
    return id;
  }

  private handover(ref: string): string {
    const id = this.id('playbook-action', `handover/${ref}`);
    if (this.workflow[id]) return id;
    const [planId = '', stepId = ''] = ref.split('#');
    const end = this.id('end', `handover/${ref}`);
    this.workflow[id] = {
      type: 'playbook-action',
      name: `Hand over to ${planId}, step ${stepId}`,
      description: `The response goes on in the playbook of plan ${planId}, at its step ${stepId}.`,
      playbook_id: playbookId(planId),
      on_completion: end,
      ...marker({ handover: ref }),
    };
    this.workflow[end] = { type: 'end', name: `Handed over to ${planId}` };
    return id;
  }

  private addStep(step: Step): void {
    const action = this.id('action', `step/${step.id}`);
    if (step.startsTracks?.length) this.fork(`fork/${step.id}`, action, step.startsTracks, { step: step.id });
    const decision = step.decision;
    const decideApart = decision?.owner !== undefined && decision.owner !== step.owner;
    const commands = this.commands(step, decideApart);
    let after: string;
    if (step.end) {
      after = this.id('end', `end/${step.id}`);
      this.workflow[after] = { type: 'end', name: `End: ${step.title}`, ...marker({ end: step.id }) };
    } else if (decision) {
      after = this.condition(step);
      if (decideApart) {
        const decide = this.id('action', `decide/${step.id}`);
        this.workflow[decide] = {
          type: 'action',
          name: `Decide: ${decision.question}`,
          commands: [this.question(step)],
          agent: this.agent(decision.owner ?? step.owner),
          out_args: [DECISION_VARIABLE],
          on_completion: after,
        };
        after = decide;
      }
    } else {
      after = this.entry(step.next ?? '', `step/${step.id}`);
    }
    this.workflow[action] = {
      type: 'action',
      name: step.title,
      description: this.describe(step),
      commands,
      agent: this.agent(step.owner),
      ...(decision && !decideApart ? { out_args: [DECISION_VARIABLE] } : {}),
      on_completion: after,
      ...marker({ step: details(step) }),
    };
  }

  private fork(name: string, main: string, tracks: readonly string[], mark: NonNullable<StepMarker['fork']>): string {
    const id = this.id('parallel', name);
    const join = this.forkJoins.get(name);
    this.workflow[id] = {
      type: 'parallel',
      name: `Start ${tracks.length} track${tracks.length === 1 ? '' : 's'} beside this one`,
      next_steps: [main, ...tracks.map((t, i) => this.entry(t, `${name}/track/${i}`))],
      ...(join === undefined ? {} : { on_completion: this.stepEntry(join) }),
      ...marker({ fork: mark }),
    };
    return id;
  }

  private condition(step: Step): string {
    const options = step.decision?.options ?? [];
    const target = (o: DecisionOption, i: number): string => {
      const name = `fork/${step.id}/option/${i}`;
      const next = this.entry(o.next, `option/${step.id}/${i}`);
      return o.startsTracks?.length ? this.fork(name, next, o.startsTracks, { step: step.id, option: i }) : next;
    };
    const name = `Decision: ${step.decision?.question ?? step.title}`;
    if (options.length <= 2) {
      const id = this.id('if-condition', `decision/${step.id}`);
      const [yes, no] = options;
      this.workflow[id] = {
        type: 'if-condition',
        name,
        condition: `${DECISION_VARIABLE}:value = '${(yes?.label ?? '').replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
        on_true: yes ? target(yes, 0) : this.entry('', `option/${step.id}/0`),
        ...(no ? { on_false: target(no, 1) } : {}),
        ...marker({ decision: step.id }),
      };
      return id;
    }
    const id = this.id('switch-condition', `decision/${step.id}`);
    this.workflow[id] = {
      type: 'switch-condition',
      name,
      switch: `${DECISION_VARIABLE}:value`,
      cases: Object.fromEntries(options.map((o, i) => [o.label, target(o, i)])),
      ...marker({ decision: step.id }),
    };
    return id;
  }

  private commands(step: Step, decideApart: boolean): CacaoCommand[] {
    const out: CacaoCommand[] = (step.actions ?? []).map((text) => ({ type: 'manual', command: text }));
    for (const id of step.notify ?? []) {
      const n = this.plan.notifications?.find((x) => x.id === id);
      if (!n) continue;
      const channel = this.plan.channels?.find((c) => c.id === n.channel);
      out.push({ type: 'manual', command: `Send the ${n.title} to ${this.roleTitle(n.to)}${channel ? ` by ${channel.title}` : ''} (TLP:${n.tlp})`, playbook_activity: 'deliver-content' });
    }
    if (step.run) out.push({ type: 'manual', command: `Run, after confirming it: ${commandLine(step.run.argv)}`, playbook_activity: 'execute-operation' });
    if (step.decision && !decideApart) out.push(this.question(step));
    if (out.length === 0) out.push({ type: 'manual', command: step.title });
    return out;
  }

  private question(step: Step): CacaoCommand {
    const options = step.decision?.options.map((o) => o.label).join(' | ') ?? '';
    return { type: 'manual', command: `Decide: ${step.decision?.question ?? ''}`, description: `Answer with one of: ${options}`, playbook_activity: 'identify-steps' };
  }

  private describe(step: Step): string {
    const level = this.plan.levels.find((l) => l.id === step.level)?.title ?? step.level;
    return [step.description, `Basis: ${step.basis}.`, `Phase: ${step.phase}; cooperation level: ${level}.`].filter((x) => x !== undefined).join('\n\n');
  }

  private roleTitle(ref: string): string {
    return this.plan.roles.find((r) => r.id === ref)?.title ?? ref;
  }

  private agent(roleId: string): string {
    const id = this.id('organization', `role/${roleId}`);
    if (!this.agents[id]) {
      const role = this.plan.roles.find((r) => r.id === roleId);
      const contact = role ? this.contact(role) : undefined;
      this.agents[id] = {
        type: 'organization',
        name: role?.title ?? roleId,
        ...(role?.tasks?.length ? { description: role.tasks.join('\n') } : {}),
        ...(contact ? { contact } : {}),
      };
    }
    return id;
  }

  /** Phones and e-mail addresses by channel id (a CACAO dictionary key); everything else as text. */
  private contact(role: Role): CacaoContact | undefined {
    const phone: Record<string, string> = {};
    const email: Record<string, string> = {};
    const other: string[] = [];
    for (const c of role.contacts ?? []) {
      const channel = this.plan.channels?.find((x) => x.id === c.channel);
      const key = c.backup ? `${c.channel}-backup` : c.channel;
      if (channel?.type === 'phone' && phone[key] === undefined) phone[key] = c.value;
      else if (channel?.type === 'email' && email[key] === undefined) email[key] = c.value;
      else other.push(`${channel?.title ?? c.channel}: ${c.value}${c.availability ? ` (${c.availability})` : ''}`);
    }
    const out: CacaoContact = {
      ...(Object.keys(phone).length ? { phone } : {}),
      ...(Object.keys(email).length ? { email } : {}),
      ...(other.length ? { contact_details: other.join('\n') } : {}),
    };
    return Object.keys(out).length > 0 ? out : undefined;
  }
}

function marker(value: StepMarker): { step_extensions: Record<string, object> } {
  return { step_extensions: { [CRISIS_EXTENSION_ID]: value } };
}

function details(step: Step): StepDetails {
  const { title: _t, next: _n, end: _e, startsTracks: _s, decision, ...rest } = step;
  if (!decision) return rest;
  return {
    ...rest,
    decision: {
      question: decision.question,
      ...(decision.owner === undefined ? {} : { owner: decision.owner }),
      options: decision.options.map(({ next: _x, startsTracks: _y, ...o }) => o),
    },
  };
}
