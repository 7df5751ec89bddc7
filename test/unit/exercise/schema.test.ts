import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAjv } from '../../../src/core/plan/ajv.js';
import { bundledExercises, root } from './bundled-exercises.js';
import { exercise } from './fixtures.js';

const schema = JSON.parse(readFileSync(join(root, 'schemas/exercise.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = createAjv().compile(schema);
const valid = (doc: unknown): boolean => validate(JSON.parse(JSON.stringify(doc)) as unknown);

describe('exercise schema', () => {
  it('compiles in Ajv strict mode without warnings', () => {
    const warnings: unknown[] = [];
    const ajv = createAjv();
    (ajv.opts as { logger: unknown }).logger = { log: () => undefined, warn: (...a: unknown[]) => warnings.push(a), error: (...a: unknown[]) => warnings.push(a) };
    ajv.compile(schema);
    expect(warnings).toEqual([]);
  });

  it('gives every property a title and a description', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      for (const [key, sub] of Object.entries(props ?? {})) {
        if (sub === true) continue; // `then` branches restate a property only to require it
        const s = sub as { title?: unknown; description?: unknown };
        if (typeof s.title !== 'string' || typeof s.description !== 'string') missing.push(`${path}/${key}`);
      }
      // `if` conditions only test a value; they declare no property of their own.
      for (const [key, value] of Object.entries(node)) if (key !== 'if') walk(value, `${path}/${key}`);
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  it('accepts the fixture and every bundled exercise', () => {
    expect(valid(exercise())).toBe(true);
    expect(bundledExercises.length).toBeGreaterThanOrEqual(6);
    for (const file of bundledExercises) {
      const ok = validate(parse(readFileSync(join(root, file), 'utf8')));
      expect([file, validate.errors ?? []]).toEqual([file, []]);
      expect(ok).toBe(true);
    }
  });

  it.each([
    ['an unknown property', { ...exercise(), extra: 1 }],
    ['a decision without an option', exercise({ script: [{ at: 'PT1H', do: 'decision' }] })],
    ['a note without text', exercise({ script: [{ at: 'PT1H', do: 'note' }] })],
    ['an unknown verb', exercise({ script: [{ at: 'PT1H', do: 'dance' } as never] })],
    ['by and within together', exercise({ expectations: [{ id: 'a', objective: 'detect', type: 'step-reached', step: 'x', by: 'PT1H', within: 'PT1H' }] })],
    ['after without within', exercise({ expectations: [{ id: 'a', objective: 'detect', type: 'step-reached', step: 'x', after: 'i' }] })],
    ['a clock expectation with its own deadline', exercise({ expectations: [{ id: 'a', objective: 'detect', type: 'clock-met', clock: 'c', by: 'PT1H' }] })],
    ['a step expectation without a step', exercise({ expectations: [{ id: 'a', objective: 'detect', type: 'step-reached' }] })],
    ['a notification expectation with neither notification nor recipient', exercise({ expectations: [{ id: 'a', objective: 'detect', type: 'notification-sent' }] })],
    ['a weight of 0', exercise({ expectations: [{ id: 'a', objective: 'detect', type: 'step-reached', step: 'x', weight: 0 }] })],
    ['a start that is not a date-time', exercise({ start: 'Monday morning' })],
    ['a fact that is an object', exercise({ injects: [{ id: 'i', at: 'PT0S', title: 't', message: 'm', facts: { a: { b: 1 } as never } }] })],
    ['no expectations', exercise({ expectations: [] })],
  ])('rejects %s', (_, doc) => {
    expect(valid(doc)).toBe(false);
  });
});
