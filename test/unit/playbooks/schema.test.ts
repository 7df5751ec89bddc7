import { describe, it, expect } from 'vitest';
import { compilePlanSchema, loadPlanDocument, readPlanSchema } from './bundled-files.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every schema reachable under a `properties` keyword, with its JSON pointer. */
function propertySchemas(node: Json, pointer = ''): { pointer: string; schema: Json }[] {
  if (node === null || typeof node !== 'object') return [];
  const found: { pointer: string; schema: Json }[] = [];
  const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
  for (const [key, value] of entries) {
    if (key === 'properties' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, schema] of Object.entries(value)) {
        found.push({ pointer: `${pointer}/properties/${name}`, schema });
      }
    }
    found.push(...propertySchemas(value, `${pointer}/${key}`));
  }
  return found;
}

/** A deep copy of the EU plan, to mutate in negative tests. */
function euPlanCopy(): Record<string, unknown> {
  return structuredClone(loadPlanDocument('playbooks/eu/eu-circp.yaml')) as Record<string, unknown>;
}

describe('plan schema', () => {
  it('compiles with Ajv2020 in strict mode', () => {
    expect(() => compilePlanSchema()).not.toThrow();
  });

  it('declares draft 2020-12 and an $id', () => {
    const schema = readPlanSchema();
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe('https://crisis.dev/schemas/plan.schema.json');
  });

  it('gives every property a title and a description', () => {
    const props = propertySchemas(readPlanSchema() as Json);
    expect(props.length).toBeGreaterThan(100);
    const missing = props
      .filter(({ schema }) => {
        if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return true;
        return typeof schema['title'] !== 'string' || typeof schema['description'] !== 'string';
      })
      .map(({ pointer }) => pointer);
    expect(missing).toEqual([]);
  });

  it('closes every object with additionalProperties: false', () => {
    const open: string[] = [];
    const visit = (node: Json, pointer: string): void => {
      if (node === null || typeof node !== 'object') return;
      if (!Array.isArray(node) && node['type'] === 'object' && node['additionalProperties'] !== false) open.push(pointer);
      for (const [k, v] of Array.isArray(node) ? node.entries() : Object.entries(node)) visit(v, `${pointer}/${k}`);
    };
    visit(readPlanSchema() as Json, '');
    expect(open).toEqual([]);
  });

  it('rejects a misspelt property', () => {
    const validate = compilePlanSchema();
    const plan = euPlanCopy();
    (plan['metadata'] as Record<string, unknown>)['jurisdicton'] = 'EU';
    expect(validate(plan)).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties')).toBe(true);
  });

  it('rejects a jurisdiction that is neither EU nor two upper-case letters', () => {
    const validate = compilePlanSchema();
    const plan = euPlanCopy();
    (plan['metadata'] as Record<string, unknown>)['jurisdiction'] = 'Europe';
    expect(validate(plan)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/metadata/jurisdiction');
  });

  it('accepts PLAN#STEP references and rejects malformed ones', () => {
    const validate = compilePlanSchema();
    const plan = euPlanCopy();
    const steps = plan['steps'] as Record<string, unknown>[];
    const first = steps[0] as Record<string, unknown>;
    first['next'] = 'other-plan#some-step';
    expect(validate(plan)).toBe(true);
    first['next'] = 'Other Plan#step';
    expect(validate(plan)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/steps/0/next')).toBe(true);
  });

  it('rejects an impossible date and an unknown TLP', () => {
    const validate = compilePlanSchema();
    const plan = euPlanCopy();
    const metadata = plan['metadata'] as Record<string, unknown>;
    metadata['adopted'] = '2025-02-30';
    metadata['tlp'] = 'WHITE';
    expect(validate(plan)).toBe(false);
    const paths = validate.errors?.map((e) => e.instancePath) ?? [];
    expect(paths).toContain('/metadata/adopted');
    expect(paths).toContain('/metadata/tlp');
  });
});
