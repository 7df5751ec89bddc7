// The plan format (apiVersion crisis/v1, kind Plan) as TypeScript types.
// schemas/plan.schema.json is the full truth for authors; these types mirror it for the code.

/** FIRST TLP 2.0 labels. */
export type Tlp = 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED';

/** Events a deadline can run from (domain.md, "Deadline" anchors). */
export type ClockAnchor =
  | 'awareness' // NIS2 Art. 23, GDPR Art. 33, CER Art. 15
  | 'classified-major' // DORA: classification as major
  | 'report-submitted' // a previous report was sent; names it with `after`
  | 'incident-handled' // handling ended (NIS2 progress/final report case)
  | 'on-request' // a CSIRT or competent authority asks (NIS2 intermediate report)
  | 'step-entered'; // plan deadline: starts when a step that lists it in `startsClocks` is entered

/** EU mechanisms a step or decision option can engage. */
export type EuMechanism =
  | 'csirts-network'
  | 'eu-cyclone'
  | 'ipcr-monitoring'
  | 'ipcr-information-sharing'
  | 'ipcr-full-activation'
  | 'csa-reserve-request'
  | 'csa-incident-review';

export type Phase = 'preparedness' | 'detection' | 'response' | 'recovery' | 'lessons-learned';

export type RoleType =
  | 'cyber-crisis-authority'
  | 'csirt'
  | 'spoc'
  | 'competent-authority'
  | 'government'
  | 'private-stakeholder'
  | 'eu-body'
  | 'eu-network'
  | 'other';

export type ChannelType = 'phone' | 'email' | 'secure-portal' | 'secure-messaging' | 'video' | 'radio' | 'in-person' | 'other';

export interface PlanMetadata {
  id: string;
  title: string;
  version: string;
  jurisdiction: string; // 'EU', ISO 3166-1 alpha-2 of a Member State (EL or GR), or XA-XZ in examples
  parent?: string;
  tlp: Tlp;
  description?: string;
  example?: boolean; // an illustrative plan, not an adopted one
  adopted?: string; // ISO date
  reviewDue?: string; // ISO date
  legalBasis?: string[];
  references?: string[];
  notifiedToCommission?: string; // ISO date, NIS2 Art. 9(5)
  notifiedToCyclone?: string; // ISO date, NIS2 Art. 9(5)
}

export interface Level {
  id: string;
  title: string;
  rank: number; // higher rank = higher cooperation level
  description?: string;
  euCounterpart?: 'csirts-network' | 'eu-cyclone' | 'ipcr';
  objectives?: string[];
  actors?: string[]; // role ids
  modes?: { id: string; title: string; description?: string }[]; // e.g. IPCR modes
}

export interface Channel {
  id: string;
  title: string;
  type: ChannelType;
  maxTlp?: Tlp; // the most restricted TLP this channel may carry
  description?: string;
}

export interface Contact {
  channel: string; // channel id
  value: string; // number, address, room, ...
  availability?: string; // e.g. "24/7"
  backup?: boolean;
}

export interface Role {
  id: string;
  title: string;
  type: RoleType;
  level?: string;
  coordinator?: boolean;
  tasks?: string[];
  contacts?: Contact[];
  memberOf?: string[]; // e.g. csirts-network, eu-cyclone
  designated?: string; // ISO date, NIS2 Art. 9(1) designation of a cyber crisis management authority
  designationNotified?: string; // ISO date the Commission was notified of it, NIS2 Art. 9(5)
}

export interface Clock {
  id: string;
  title: string;
  starts: ClockAnchor;
  after?: string; // with starts: report-submitted, the clock whose report starts this one
  within?: string; // ISO 8601 duration; only a clock that starts on-request may leave it out (its due time is asked)
  noLaterThan?: { within: string; from: 'awareness' }; // an outer limit: due at the earlier of the two
  basis: string;
  regime?: 'nis2' | 'dora' | 'gdpr' | 'cer' | 'csa' | 'national' | 'plan';
  description?: string;
}

export interface Severity {
  id: string;
  title: string;
  rank: number;
  mapsTo: 'incident' | 'significant-incident' | 'large-scale-incident' | 'cyber-crisis';
  criteria: string[];
}

export interface Notification {
  id: string;
  title: string;
  to: string; // role id, or PLAN#ROLE in another plan
  from?: string; // the sender's role id (or PLAN#ROLE), to word it from the step owner's side
  channel?: string; // channel id
  tlp: Tlp;
  clock?: string; // the clock this notification meets when sent
  alsoMeets?: string[]; // other clocks it meets when sent while they run
  regime?: Clock['regime'];
  fields?: string[]; // required content
  basis?: string;
}

export interface Command {
  argv: string[]; // never a shell string
  timeout?: string; // ISO 8601 duration, at most PT1H
  env?: string[]; // names of the responder's variables the command needs (beyond PATH, HOME, LANG, LC_*, TERM, TZ)
  cwd?: string; // working folder; relative to the folder the responder started in, which is the default
  description?: string;
}

export interface DecisionOption {
  label: string;
  next: string; // step id or PLAN#STEP
  description?: string;
  condition?: string;
  escalate?: string; // level id raised to when the option is taken
  mechanism?: EuMechanism;
  startsClocks?: string[];
  startsTracks?: string[]; // steps (or PLAN#STEP) where new tracks begin when the option is taken, beside `next`
}

export interface Decision {
  question: string;
  owner?: string; // role id; defaults to the step owner
  options: DecisionOption[];
}

export interface Step {
  id: string;
  title: string;
  phase: Phase;
  level: string;
  owner: string;
  basis: string; // legal or plan basis of the step
  description?: string;
  supporting?: string[];
  actions?: string[];
  notify?: string[]; // notification ids
  startsClocks?: string[];
  mechanism?: EuMechanism;
  tlp?: Tlp;
  run?: Command;
  next?: string;
  decision?: Decision;
  end?: boolean;
  startsTracks?: string[]; // steps (or PLAN#STEP) where new tracks begin when this step is entered
  join?: 'all' | 'first'; // tracks meet here: it opens when every track that can still reach it has arrived, or at the first
}

export interface Capability {
  id: string;
  title: string;
  owner: string; // role id
  phases?: Phase[];
  requestRoute?: string;
}

export interface Preparedness {
  objectives?: string[]; // NIS2 Art. 9(4)(a)
  measures?: string[]; // Art. 9(4)(d)
  exercises?: { title: string; frequency?: string; description?: string }[];
  training?: { title: string; audience?: string; description?: string }[];
}

export interface NationalFramework {
  name: string;
  integration: string; // how cyber crisis management fits the general national crisis framework
}

export interface Stakeholder {
  id: string;
  title: string;
  sector?: string;
  type: 'public' | 'private';
  role?: string; // role id, when the stakeholder acts in the plan
}

export interface Infrastructure {
  id: string;
  title: string;
  sector?: string;
  operator?: string;
}

export interface UnionArrangement {
  id: string;
  title: string;
  relation: 'implements' | 'escalates-to' | 'reports-to' | 'requests-support-from';
  ref: string; // PLAN#STEP (or PLAN#ROLE) in the Union-level plan
  description?: string;
}

export interface Plan {
  apiVersion: 'crisis/v1';
  kind: 'Plan';
  metadata: PlanMetadata;
  principles?: string[];
  start?: string; // step id where an incident begins; the first step by default
  levels: Level[];
  phases?: { id: Phase; title: string; description?: string }[];
  roles: Role[];
  channels?: Channel[];
  clocks?: Clock[];
  severities?: Severity[];
  notifications?: Notification[];
  capabilities?: Capability[];
  preparedness?: Preparedness;
  nationalFramework?: NationalFramework;
  stakeholders?: Stakeholder[];
  infrastructure?: Infrastructure[];
  unionArrangements?: UnionArrangement[];
  steps: Step[];
}
