// A CACAO 2.0 playbook as a crisis plan, best effort. The workflow is walked from its start:
// action steps become steps (their commands actions a person does, their agent the owner role),
// if-, switch- and while-conditions decisions, parallel steps tracks that meet at the parallel
// step's on_completion (a join), playbook-actions hand-overs; a branch's end goes on where its
// parallel or condition step goes on. What has no place in a plan is left out with a finding.
// A playbook crisis exported carries the crisis extension, and comes back as the plan it was.
import type { Decision, DecisionOption, Plan, Role, Step } from '../../plan/types.js';
import { cacaoId, CRISIS_EXTENSION_ID, DECISION_VARIABLE } from './ids.js';
import { orderedPlan } from './plan-order.js';
import type { ImportFinding } from './import-findings.js';
import { DEFAULT_LEVEL, markedTlp, planExtension, sectionsFrom, slug, UNASSIGNED_ROLE } from './import-sections.js';
import { breakTraps } from './import-traps.js';
import type { StepDetails, StepMarker } from './step-extension.js';

export interface CacaoImport {
  plan: Plan;
  findings: ImportFinding[];
}

type Node = Record<string, unknown> & { type: string };
/** Where a CACAO branch ends: a plan step (`ref`), or the end of the plan. */
type Link = { ref: string } | { end: true };
/** What a branch's end goes on to: the join of a parallel step, the on_completion of a condition. */
interface Context {
  after?: string;
}

const obj = (x: unknown): Record<string, unknown> | undefined => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined);
const text = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x : undefined);
const ID = /^[a-z0-9][a-z0-9-]*$/;

/** The plan of `playbook` (already read by readCacaoJson), and what did not carry over. */
export function cacaoToPlan(playbook: Record<string, unknown>, file: string): CacaoImport {
  return new Importer(playbook, file).run();
}

class Importer {
  private readonly findings: ImportFinding[] = [];
  private readonly nodes = new Map<string, Node>();
  private readonly steps = new Map<string, Step>();
  private readonly stepOfNode = new Map<string, string>();
  private readonly roleOfAgent = new Map<string, string>();
  private readonly roles: Role[] = [];
  private readonly usedIds = new Set<string>();
  private readonly ext: ReturnType<typeof planExtension>;
  private plan!: Omit<Plan, 'steps'>;
  private endStep: string | undefined;

  constructor(private readonly playbook: Record<string, unknown>, private readonly file: string) {
    for (const [id, node] of Object.entries(obj(playbook.workflow) ?? {})) {
      const n = obj(node);
      if (n && typeof n.type === 'string') this.nodes.set(id, n as Node);
      else this.note(`workflow entry ${id}`, 'it is not a workflow step object with a type');
    }
    this.ext = planExtension(playbook);
  }

  private note(what: string, why: string): void {
    this.findings.push({ file: this.file, what, why });
  }

  run(): CacaoImport {
    const marked = markedTlp(this.playbook);
    const extTlp = this.ext?.metadata?.tlp;
    if (marked.tlp === undefined && extTlp === undefined) this.note('the playbook\'s TLP', 'it has no TLP marking; the plan is marked RED until its source says it may be shared wider (TLP 2.0: only the source may widen distribution)');
    for (const id of marked.other) this.note(`marking ${id}`, 'crisis plans carry a TLP 2.0 marking only; statements and IEP markings are left out');
    const tlp = marked.tlp ?? extTlp ?? 'RED';
    this.plan = sectionsFrom(this.playbook, this.ext, tlp);
    if (!this.ext?.metadata) this.note('the plan\'s jurisdiction', 'CACAO has none; the plan says EU (no parent plan): set metadata.jurisdiction and parent if it is a national plan');
    if (this.plan.levels.length === 0) {
      this.plan.levels = [DEFAULT_LEVEL];
      this.note('cooperation levels', `CACAO has none; every step is at level ${DEFAULT_LEVEL.id}`);
    }
    this.roles.push(...this.plan.roles);
    for (const r of this.roles) this.usedIds.add(`role:${r.id}`);
    this.mapKnownAgents();
    for (const key of ['target_definitions', 'authentication_info_definitions', 'playbook_variables', 'signatures']) {
      const value = this.playbook[key];
      const onlyOurs = key === 'playbook_variables' && Object.keys(obj(value) ?? {}).join() === DECISION_VARIABLE;
      if (value !== undefined && !onlyOurs) this.note(key, 'a plan has no place for it (people act on systems; crisis keeps no credentials or variables)');
    }
    const start = this.link(String(this.playbook.workflow_start), {});
    const first = 'ref' in start ? start.ref : this.endRef();
    const order = (id: string): number => (id === this.endStep ? Number.MAX_SAFE_INTEGER : (this.position.get(id) ?? 0));
    const sorted = [...this.steps.values()].sort((a, b) => order(a.id) - order(b.id));
    const plan: Plan = { ...this.plan, roles: this.roles, start: first, steps: sorted };
    if (plan.start === plan.steps[0]?.id && this.ext?.start === undefined) delete plan.start;
    for (const [id, node] of this.nodes) {
      if (!this.stepOfNode.has(id) && !this.visited.has(id)) this.note(`workflow step ${id}${name(node)}`, 'it cannot be reached from workflow_start, so it is left out');
    }
    const end = (): string => {
      const id = this.endRef();
      const step = this.steps.get(id);
      if (step && !plan.steps.includes(step)) plan.steps.push(step);
      return id;
    };
    breakTraps(plan, (what, why) => this.note(what, why), end);
    return { plan: orderedPlan(plan), findings: this.findings };
  }

  private readonly visited = new Set<string>();
  /** The workflow position of the node each step came from: steps keep the playbook's order. */
  private readonly position = new Map<string, number>();
  private current = 0;

  private at(nodeId: string): void {
    this.current = [...this.nodes.keys()].indexOf(nodeId);
  }

  /** Where following `id` leads, as a plan step or the end. */
  private link(id: string | undefined, ctx: Context): Link {
    if (id === undefined) return ctx.after !== undefined ? { ref: ctx.after } : { end: true };
    const node = this.nodes.get(id);
    if (!node) {
      this.note(`the reference ${id}`, 'no step of the workflow has this id; the branch ends there');
      return { end: true };
    }
    const mark = marker(node);
    switch (node.type) {
      case 'action':
        return { ref: this.actionStep(id, node, ctx) };
      case 'end':
        this.visited.add(id);
        if (mark?.arrives !== undefined) return { ref: mark.arrives };
        if (mark?.end !== undefined) return { end: true };
        return ctx.after !== undefined ? { ref: ctx.after } : { end: true };
      case 'start':
        this.visited.add(id);
        return this.link(text(node.on_completion) ?? text(node.on_success), ctx);
      case 'playbook-action':
        return this.playbookAction(id, node, ctx);
      case 'parallel':
        return { ref: this.parallel(id, node, ctx) };
      case 'if-condition':
      case 'switch-condition':
      case 'while-condition':
        return { ref: this.decisionStep(id, node, ctx) };
      default:
        this.visited.add(id);
        this.note(`workflow step ${id}${name(node)}`, `crisis does not know the step type ${JSON.stringify(node.type).slice(0, 40)}; the branch ends there`);
        return { end: true };
    }
  }

  private ref(link: Link): string {
    return 'ref' in link ? link.ref : this.endRef();
  }

  /** The one step that ends the plan where a decision option or a track needs a step to go to. */
  private endRef(): string {
    if (this.endStep === undefined) {
      const step = this.newStep(this.freshId('end'), 'End', undefined);
      step.end = true;
      this.endStep = step.id;
    }
    return this.endStep;
  }

  private freshId(base: string): string {
    let id = base;
    for (let i = 2; this.usedIds.has(`step:${id}`); i++) id = `${base}-${i}`;
    this.usedIds.add(`step:${id}`);
    return id;
  }

  private newStep(id: string, title: string, owner: string | undefined): Step {
    this.position.set(id, this.current);
    const step: Step = { id, title, phase: 'response', level: this.plan.levels[0]?.id ?? DEFAULT_LEVEL.id, owner: owner ?? this.unassigned(), basis: `CACAO playbook ${String(this.playbook.id ?? '')}`.trim() };
    this.steps.set(id, step);
    return step;
  }

  private actionStep(id: string, node: Node, ctx: Context): string {
    const known = this.stepOfNode.get(id);
    if (known !== undefined) return known;
    const details = marker(node)?.step;
    const wanted = details && ID.test(String(details.id)) && !this.usedIds.has(`step:${details.id}`) ? String(details.id) : undefined;
    const stepId = wanted ?? this.freshId(slug(text(node.name) ?? 'step', 'step'));
    this.usedIds.add(`step:${stepId}`);
    this.stepOfNode.set(id, stepId);
    this.at(id);
    const step = this.newStep(stepId, text(node.name) ?? stepId, this.owner(id, node));
    if (details) Object.assign(step, stepFields(details));
    else this.fromCommands(id, node, step);
    if (text(node.on_failure)) this.note(`on_failure of ${id}${name(node)}`, 'a plan step has one way on; the failure branch is left out');
    const nextId = text(node.on_completion) ?? text(node.on_success);
    const next = nextId === undefined ? undefined : this.nodes.get(nextId);
    const decide = next && isDecideAction(next, this.nodes, stepId) ? next : undefined;
    const condId = decide ? text(decide.on_completion) : nextId;
    const cond = condId === undefined ? undefined : this.nodes.get(condId);
    if (condId !== undefined && cond && isCondition(cond) && (decide || !marker(cond) || marker(cond)?.decision === stepId)) {
      if (decide && nextId !== undefined) this.visited.add(nextId);
      this.visited.add(condId);
      step.decision = this.decision(condId, cond, ctx, details?.decision, decide ? this.owner(nextId ?? '', decide) : undefined);
    } else {
      const link = this.link(nextId, ctx);
      if ('ref' in link) step.next = link.ref;
      else step.end = true;
    }
    return stepId;
  }

  /** A decision reached other than from the action that asks it: a step of its own. */
  private decisionStep(id: string, node: Node, ctx: Context): string {
    const known = this.stepOfNode.get(id);
    if (known !== undefined) return known;
    this.visited.add(id);
    const stepId = this.freshId(slug(text(node.name) ?? 'decision', 'decision'));
    this.stepOfNode.set(id, stepId);
    this.at(id);
    const step = this.newStep(stepId, text(node.name) ?? 'Decide', undefined);
    step.decision = this.decision(id, node, ctx, undefined, undefined);
    return stepId;
  }

  private decision(id: string, node: Node, ctx: Context, details: StepDetails['decision'], owner: string | undefined): Decision {
    const after = text(node.on_completion);
    const inner: Context = after !== undefined ? { after: this.ref(this.link(after, ctx)) } : ctx;
    const targets: [string, string | undefined][] = [];
    if (node.type === 'switch-condition') {
      for (const [label, target] of Object.entries(obj(node.cases) ?? {})) targets.push([label === '' ? 'default' : label, text(target)]);
    } else {
      const loop = node.type === 'while-condition';
      if (loop) this.note(`while-condition ${id}${name(node)}`, 'a plan has no loops that run by themselves: it became a decision the responder takes each time');
      const [yes, no] = [details?.options[0]?.label ?? (loop ? 'Repeat' : 'Yes'), details?.options[1]?.label ?? (loop ? 'Done' : 'No')];
      targets.push([yes, text(node.on_true)]);
      if (no !== undefined) targets.push([no, text(node.on_false) ?? (loop ? after : undefined)]);
    }
    if (targets.length < 2) {
      this.note(`${node.type} ${id}${name(node)}`, 'a decision needs two options; "Otherwise" goes on where the step goes on');
      targets.push(['Otherwise', undefined]);
    }
    const options: DecisionOption[] = targets.map(([label, target], i) => {
      const extra = details?.options.find((o) => o.label === label) ?? details?.options[i];
      const option: DecisionOption = { ...optionFields(extra), label, next: '' };
      this.optionTarget(target, inner, option);
      return option;
    });
    const question = details?.question ?? text(node.description) ?? text(node.name) ?? (typeof node.condition === 'string' ? `Is this so: ${node.condition}?` : typeof node.switch === 'string' ? `Which is it: ${node.switch}?` : 'Which way?');
    return { question, ...(details?.owner !== undefined ? { owner: details.owner } : owner !== undefined ? { owner } : {}), options };
  }

  /** An option's next step, and the tracks it starts when its target is a parallel step crisis wrote for it. */
  private optionTarget(target: string | undefined, ctx: Context, option: DecisionOption): void {
    const node = target === undefined ? undefined : this.nodes.get(target);
    const fork = node ? marker(node)?.fork : undefined;
    if (target !== undefined && node?.type === 'parallel' && fork?.option !== undefined) {
      this.visited.add(target);
      const { first, rest } = this.branches(node, ctx);
      option.next = this.ref(first);
      option.startsTracks = rest;
      return;
    }
    option.next = this.ref(this.link(target, ctx));
  }

  private branches(node: Node, ctx: Context): { first: Link; rest: string[] } {
    const after = text(node.on_completion);
    const join = after === undefined ? undefined : this.ref(this.link(after, ctx));
    if (join !== undefined) {
      const step = this.steps.get(join);
      if (step && step.join === undefined) step.join = 'all';
    }
    const inner: Context = join !== undefined ? { after: join } : {};
    const ids = (Array.isArray(node.next_steps) ? node.next_steps : []).filter((x): x is string => typeof x === 'string');
    const [head, ...tail] = ids;
    return { first: this.link(head, inner), rest: tail.map((t) => this.ref(this.link(t, inner))) };
  }

  private parallel(id: string, node: Node, ctx: Context): string {
    const known = this.stepOfNode.get(id);
    if (known !== undefined) return known;
    this.visited.add(id);
    const { first, rest } = this.branches(node, ctx);
    const target = 'ref' in first ? this.steps.get(first.ref) : undefined;
    if (target && !target.startsTracks && rest.length > 0) {
      target.startsTracks = rest;
      this.stepOfNode.set(id, target.id);
      return target.id;
    }
    this.at(id);
    const step = this.newStep(this.freshId(slug(text(node.name) ?? 'parallel', 'parallel')), text(node.name) ?? 'Start parallel tracks', undefined);
    step.next = this.ref(first);
    if (rest.length > 0) step.startsTracks = rest;
    this.stepOfNode.set(id, step.id);
    return step.id;
  }

  private playbookAction(id: string, node: Node, ctx: Context): Link {
    this.visited.add(id);
    const handover = marker(node)?.handover;
    if (handover !== undefined) {
      const end = text(node.on_completion);
      if (end !== undefined) this.visited.add(end);
      return { ref: handover };
    }
    const known = this.stepOfNode.get(id);
    if (known !== undefined) return { ref: known };
    this.at(id);
    const step = this.newStep(this.freshId(slug(text(node.name) ?? 'playbook-action', 'playbook-action')), text(node.name) ?? 'Run another playbook', this.owner(id, node));
    this.stepOfNode.set(id, step.id);
    step.actions = [`Carry out the CACAO playbook ${String(node.playbook_id ?? '(not named)')}`];
    this.note(`playbook-action ${id}${name(node)}`, 'crisis hands over only to crisis plans; the step asks a person to carry out the other playbook');
    const link = this.link(text(node.on_completion) ?? text(node.on_success), ctx);
    if ('ref' in link) step.next = link.ref;
    else step.end = true;
    return { ref: step.id };
  }

  private fromCommands(id: string, node: Node, step: Step): void {
    const description = text(node.description);
    if (description) step.description = description;
    const actions: string[] = [];
    const others = new Set<string>();
    for (const c of Array.isArray(node.commands) ? node.commands : []) {
      const command = obj(c);
      if (!command) continue;
      const type = typeof command.type === 'string' ? command.type : 'unknown';
      const body = text(command.command) ?? decodeBase64(command.command_b64) ?? text(command.description) ?? '';
      if (type === 'manual') actions.push(body || 'Carry out the step');
      else {
        others.add(type);
        actions.push(`Run the ${type} command: ${body}`.slice(0, 2000));
      }
    }
    if (actions.length > 0) step.actions = actions;
    if (others.size > 0) this.note(`commands of ${id}${name(node)} (${[...others].join(', ')})`, 'crisis runs no CACAO commands; each became an action a person carries out, with its text');
    if (node.targets !== undefined) this.note(`targets of ${id}${name(node)}`, 'a plan step names the role that acts, not the systems it acts on');
  }

  /** The role of a step's agent. */
  private owner(id: string, node: Node): string {
    const agent = text(node.agent);
    if (agent === undefined) {
      this.note(`the agent of ${id}${name(node)}`, `the step names none; its owner is the role ${UNASSIGNED_ROLE.id}`);
      return this.unassigned();
    }
    const known = this.roleOfAgent.get(agent);
    if (known !== undefined) return known;
    const def = obj(obj(this.playbook.agent_definitions)?.[agent]);
    const title = text(def?.name) ?? agent;
    const roleId = this.freshRoleId(slug(title, 'agent'));
    const role: Role = { id: roleId, title, type: 'other' };
    const description = text(def?.description);
    if (description) role.tasks = [description];
    this.contacts(role, obj(def?.contact));
    if (!def) this.note(`agent ${agent}`, 'agent_definitions has no such agent; a role was made from its id');
    this.roles.push(role);
    this.roleOfAgent.set(agent, roleId);
    return roleId;
  }

  private freshRoleId(base: string): string {
    let id = base;
    for (let i = 2; this.usedIds.has(`role:${id}`); i++) id = `${base}-${i}`;
    this.usedIds.add(`role:${id}`);
    return id;
  }

  private unassigned(): string {
    if (!this.roles.some((r) => r.id === UNASSIGNED_ROLE.id)) {
      this.roles.push({ ...UNASSIGNED_ROLE });
      this.usedIds.add(`role:${UNASSIGNED_ROLE.id}`);
    }
    return UNASSIGNED_ROLE.id;
  }

  /** Agents of roles the crisis extension lists keep their role (crisis named them after it). */
  private mapKnownAgents(): void {
    const pid = this.plan.metadata.id;
    for (const role of this.plan.roles) this.roleOfAgent.set(cacaoId('organization', `${pid}/role/${role.id}`), role.id);
  }

  private contacts(role: Role, contact: Record<string, unknown> | undefined): void {
    if (!contact) return;
    const channels = (this.plan.channels ??= []);
    const add = (channelId: string, type: 'phone' | 'email' | 'other', value: string) => {
      if (!channels.some((c) => c.id === channelId)) channels.push({ id: channelId, title: channelId, type });
      (role.contacts ??= []).push({ channel: channelId, value });
    };
    for (const [kind, type] of [['phone', 'phone'], ['email', 'email']] as const) {
      for (const [key, value] of Object.entries(obj(contact[kind]) ?? {})) {
        if (typeof value === 'string' && value !== '') add(slug(`${kind}-${key}`, kind), type, value);
      }
    }
    const details = text(contact.contact_details);
    if (details) add('contact-details', 'other', details);
  }
}

function marker(node: Node): StepMarker | undefined {
  const ext = obj(node.step_extensions);
  return ext && Object.hasOwn(ext, CRISIS_EXTENSION_ID) ? (obj(ext[CRISIS_EXTENSION_ID]) as StepMarker | undefined) : undefined;
}

function isCondition(node: Node): boolean {
  return node.type === 'if-condition' || node.type === 'switch-condition' || node.type === 'while-condition';
}

/** The separate action crisis writes when a decision's owner is not the step's owner. */
function isDecideAction(node: Node, nodes: ReadonlyMap<string, Node>, stepId: string): boolean {
  if (node.type !== 'action' || marker(node)?.step) return false;
  const cond = nodes.get(text(node.on_completion) ?? '');
  return cond !== undefined && marker(cond)?.decision === stepId;
}

/** The fields crisis writes in a step's extension data, and nothing else (the data is input). */
const DETAIL_KEYS = ['phase', 'level', 'owner', 'basis', 'description', 'supporting', 'actions', 'notify', 'startsClocks', 'mechanism', 'tlp', 'run', 'join'] as const;

const OPTION_KEYS = ['description', 'condition', 'escalate', 'mechanism', 'startsClocks'] as const;

function optionFields(extra: object | undefined): Partial<DecisionOption> {
  const out: Record<string, unknown> = {};
  for (const key of OPTION_KEYS) if (extra && Object.hasOwn(extra, key)) out[key] = (extra as Record<string, unknown>)[key];
  return out as Partial<DecisionOption>;
}

function stepFields(details: StepDetails): Partial<Step> {
  const out: Record<string, unknown> = {};
  for (const key of DETAIL_KEYS) if (Object.hasOwn(details, key) && details[key] !== undefined) out[key] = details[key];
  return out as Partial<Step>;
}

function name(node: Node): string {
  return typeof node.name === 'string' ? ` ("${node.name.slice(0, 80)}")` : '';
}

function decodeBase64(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/=\s]*$/.test(value)) return undefined;
  try {
    return text(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(value.replace(/\s/g, '')), (c) => c.charCodeAt(0))));
  } catch {
    return undefined;
  }
}
