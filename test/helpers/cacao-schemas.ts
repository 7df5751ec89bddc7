// The official OASIS CACAO 2.0 JSON Schemas (../shared/cacao/schemas, outside the project),
// compiled as the CACAO Roaster does: Ajv2019 with the draft-07 meta-schema, so that
// `unevaluatedProperties` is enforced. Two relaxations, documented in the README ("CACAO 2.0"):
// 1. the base command schema (commands/command-data.json) loses its `unevaluatedProperties:
//    false`: the action step checks every command against that base alone, which then rejects
//    `command`, the one property a manual command needs. Instead each command is checked against
//    the schema of its own type (commands/manual.json ...), which allows exactly its properties.
// 2. agent_definitions and target_definitions also accept a key of an agent-target type outside
//    the listed ones (`software--<uuid>`), checked against the base agent-target schema: the
//    type vocabulary is open (agent-target-type-ov), but the dictionaries list only its values.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { Ajv2019 } from 'ajv/dist/2019.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { root } from '../unit/playbooks/bundled-files.js';

/** Where the shared CACAO material is; absent on machines without /work/shared. */
export const cacaoFolder = join(root, '..', 'shared', 'cacao');
export const cacaoAvailable = existsSync(join(cacaoFolder, 'schemas', 'playbook.json'));
export const cacaoMissingReason = `the CACAO schemas are not at ${cacaoFolder} (../shared/cacao from the project)`;

const BASE = 'https://raw.githubusercontent.com/oasis-open/cacao-json-schemas/main/schemas/';

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(folder, e.name)) : e.name.endsWith('.json') ? [join(folder, e.name)] : []));
}

const ANY_TYPE_KEY = '^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$';

function openAgentTypes(playbook: Record<string, unknown>): void {
  const properties = playbook.properties as Record<string, { patternProperties: Record<string, unknown> }>;
  for (const name of ['agent_definitions', 'target_definitions']) {
    const dictionary = properties[name];
    if (dictionary) dictionary.patternProperties[ANY_TYPE_KEY] = { $ref: 'agent-target/agent-target.json' };
  }
}

export interface CacaoValidator {
  (playbook: unknown): ErrorObject[];
}

/** A validator with the relaxation above, or with the schemas exactly as published (`official`). */
export function cacaoValidator(profile: 'relaxed' | 'official' = 'relaxed'): CacaoValidator {
  const cached = compiled.get(profile);
  if (cached) return cached;
  const made = compile(profile);
  compiled.set(profile, made);
  return made;
}

const compiled = new Map<string, CacaoValidator>();

function compile(profile: 'relaxed' | 'official'): CacaoValidator {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  const require = createRequire(import.meta.url);
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-07.json') as object);
  const schemasDir = join(cacaoFolder, 'schemas');
  const commandTypes: string[] = [];
  for (const file of files(schemasDir)) {
    const rel = relative(schemasDir, file).split('\\').join('/');
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (profile === 'relaxed' && rel === 'commands/command-data.json') delete schema.unevaluatedProperties;
    if (profile === 'relaxed' && rel === 'playbook.json') openAgentTypes(schema);
    if (rel.startsWith('commands/') && rel !== 'commands/command-data.json') commandTypes.push(rel.slice('commands/'.length, -'.json'.length));
    ajv.addSchema(schema);
  }
  const playbook = ajv.getSchema(`${BASE}playbook.json`) as ValidateFunction;
  const byType = new Map(commandTypes.map((t) => [t, ajv.getSchema(`${BASE}commands/${t}.json`) as ValidateFunction]));
  return (value: unknown) => {
    const errors = playbook(value) ? [] : [...(playbook.errors ?? [])];
    if (profile === 'official') return errors;
    const workflow = (value as { workflow?: Record<string, { commands?: unknown[] }> }).workflow ?? {};
    for (const [stepId, step] of Object.entries(workflow)) {
      (Array.isArray(step.commands) ? step.commands : []).forEach((command, i) => {
        const type = (command as { type?: unknown }).type;
        const check = typeof type === 'string' ? byType.get(type) : undefined;
        if (check && !check(command)) errors.push(...(check.errors ?? []).map((e) => ({ ...e, instancePath: `/workflow/${stepId}/commands/${i}${e.instancePath}` })));
      });
    }
    return errors;
  };
}

/** Every JSON file of the public example playbooks, relative to the cacao folder. */
export function exampleFiles(): string[] {
  return files(join(cacaoFolder, 'examples')).map((f) => relative(cacaoFolder, f)).sort();
}
