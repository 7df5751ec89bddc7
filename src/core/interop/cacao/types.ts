// The part of OASIS CACAO Security Playbooks 2.0 (JSON) that crisis writes and reads.
// Property names are CACAO's own (snake_case); the official JSON Schemas are the full truth.

export type CacaoStepType = 'start' | 'end' | 'action' | 'playbook-action' | 'parallel' | 'if-condition' | 'while-condition' | 'switch-condition';

/** A command of an action step; crisis writes `manual` ones (a person does the work). */
export interface CacaoCommand {
  type: string;
  description?: string;
  command?: string;
  playbook_activity?: string;
}

export interface CacaoStep {
  type: CacaoStepType;
  name?: string;
  description?: string;
  on_completion?: string;
  on_success?: string;
  on_failure?: string;
  step_extensions?: Record<string, object>;
  // action
  commands?: CacaoCommand[];
  agent?: string;
  out_args?: string[];
  // playbook-action
  playbook_id?: string;
  // parallel
  next_steps?: string[];
  // if-condition, while-condition
  condition?: string;
  on_true?: string;
  on_false?: string;
  // switch-condition
  switch?: string;
  cases?: Record<string, string>;
}

export interface CacaoContact {
  email?: Record<string, string>;
  phone?: Record<string, string>;
  contact_details?: string;
}

export interface CacaoAgent {
  type: string;
  name: string;
  description?: string;
  contact?: CacaoContact;
}

export interface CacaoTlpMarking {
  type: 'marking-tlp';
  id: string;
  created_by: string;
  created: string;
  tlpv2_level: string;
}

export interface CacaoExtensionDefinition {
  type: 'extension-definition';
  name: string;
  description: string;
  created_by: string;
  schema: string;
  version: string;
}

export interface CacaoVariable {
  type: string;
  description?: string;
  value?: string | null;
}

export interface CacaoPlaybook {
  type: 'playbook';
  spec_version: 'cacao-2.0';
  id: string;
  name: string;
  description?: string;
  created_by: string;
  created: string;
  modified: string;
  labels?: string[];
  external_references?: { name: string; description?: string }[];
  markings?: string[];
  playbook_variables?: Record<string, CacaoVariable>;
  workflow_start: string;
  workflow: Record<string, CacaoStep>;
  agent_definitions?: Record<string, CacaoAgent>;
  extension_definitions?: Record<string, CacaoExtensionDefinition>;
  playbook_extensions?: Record<string, object>;
  data_marking_definitions?: Record<string, CacaoTlpMarking>;
}
