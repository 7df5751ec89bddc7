// One Ajv error in the words of a plan author, with a stable rule id and the node to point at.

import type { ErrorObject } from 'ajv/dist/2020.js';
import { ALTERNATIVES } from './collapse-alternatives.js';
import { describeFound, describePath, describeTypes, joinOr, quote } from './describe-value.js';
import { closestName } from './did-you-mean.js';
import { childPointer, parsePointer, valueAt } from './json-pointer.js';
import { describeLimit } from './limit-messages.js';
import { describeFormat, describePattern } from './pattern-hints.js';
import { propertyNamesAt } from './schema-at.js';

/** A schema finding before it is placed in the source. */
export interface Draft {
  rule: string;
  message: string;
  path: string;
  at: 'key' | 'value';
  /** For required: the missing name; for an unknown property: the suggested name. */
  missing?: string;
  suggestion?: string;
}

/** Word one Ajv error (after collapseAlternatives) for a plan author. */
export function draftFinding(e: ErrorObject, root: unknown, schemaRoot?: object): Draft {
  const where = describePath(e.instancePath);
  const value = valueAt(root, e.instancePath);
  const found = describeFound(value);
  const p = e.params as Record<string, unknown>;
  const base = { path: e.instancePath, at: 'value' as const };
  if (e.propertyName !== undefined) return propertyNameDraft(e, where);
  switch (e.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      return { ...base, rule: 'schema/required', message: `${where} is missing required property '${missing}'; add it`, missing };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return unknownProperty(e, String(p.additionalProperty ?? p.unevaluatedProperty), schemaRoot);
    case 'type':
      return { ...base, rule: 'schema/type', message: `${where} must be ${describeTypes(p.type)}, found ${found}` };
    case ALTERNATIVES:
      return { ...base, rule: 'schema/type', message: `${where} must be ${joinOr(alternatives(p.alternatives))}, found ${found}` };
    case 'enum': {
      const allowed = Array.isArray(p.allowedValues) ? p.allowedValues : [];
      const hint = typeof value === 'string' ? closestName(value, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
      const list = allowed.length > 15 ? `${allowed.slice(0, 15).map(quote).join(', ')}, …` : allowed.map(quote).join(', ');
      return { ...base, rule: 'schema/enum', message: `${where} must be one of ${list}; found ${found}${hint ? `; did you mean ${quote(hint)}?` : ''}` };
    }
    case 'const':
      return { ...base, rule: 'schema/const', message: `${where} must be ${quote(p.allowedValue)}, found ${found}` };
    case 'pattern':
      return { ...base, rule: 'schema/pattern', message: `${where} must be ${describePattern(String(p.pattern))}; found ${found}` };
    case 'format':
      return { ...base, rule: 'schema/format', message: `${where} must be ${describeFormat(String(p.format))}; found ${found}` };
    case 'false schema':
      return notAllowed(e.instancePath);
    case 'oneOf':
    case 'anyOf': {
      const passing = Array.isArray(p.passingSchemas) ? p.passingSchemas.map((n) => Number(n) + 1) : undefined;
      const message = passing
        ? `${where} matches more than one of the allowed forms (${joinAnd(passing)}); make it match exactly one`
        : `${where} does not match any of the allowed forms`;
      return { ...base, rule: e.keyword === 'oneOf' ? 'schema/one-of' : 'schema/any-of', message };
    }
    case 'not':
      return { ...base, rule: 'schema/not', message: `${where} has a form that is not allowed here` };
    case 'dependentRequired':
      return { ...base, rule: 'schema/dependent-required', message: `${where} has '${String(p.property)}', so it also needs '${String(p.missingProperty)}'; add it` };
    default:
      return describeLimit(e, where, value) ?? { ...base, rule: 'schema/invalid', message: `${where} ${e.message ?? 'is not valid'}` };
  }
}

function unknownProperty(e: ErrorObject, name: string, schemaRoot?: object): Draft {
  const allowed = allowedNames(e, schemaRoot);
  const suggestion = closestName(name, allowed);
  const where = e.instancePath === '' ? 'at the top level' : `in ${describePath(e.instancePath)}`;
  const advice = suggestion
    ? `did you mean '${suggestion}'?`
    : allowed.length > 0 && allowed.length <= 12
      ? `allowed here: ${allowed.join(', ')}`
      : 'remove it or check its spelling';
  const draft: Draft = { rule: 'schema/additional-property', message: `unknown property '${name}' ${where}; ${advice}`, path: childPointer(e.instancePath, name), at: 'key' };
  if (suggestion) draft.suggestion = suggestion;
  return draft;
}

/** Property names allowed beside the unknown one: from Ajv's parentSchema (verbose), else the root schema. */
function allowedNames(e: ErrorObject, schemaRoot?: object): string[] {
  const props = (e.parentSchema as { properties?: unknown } | undefined)?.properties;
  if (props && typeof props === 'object') return Object.keys(props);
  return schemaRoot ? propertyNamesAt(schemaRoot, e.instancePath) : [];
}

function notAllowed(pointer: string): Draft {
  const segs = parsePointer(pointer);
  const last = segs[segs.length - 1] ?? '';
  const parent = pointer.slice(0, pointer.lastIndexOf('/'));
  const message = /^(0|[1-9][0-9]*)$/.test(last)
    ? `${describePath(parent)} has too many items; remove item ${last}`
    : `property '${last}' is not allowed ${parent === '' ? 'at the top level' : `in ${describePath(parent)}`}; remove it`;
  return { rule: 'schema/not-allowed', message, path: pointer, at: 'key' };
}

function propertyNameDraft(e: ErrorObject, where: string): Draft {
  const name = String(e.propertyName);
  const p = e.params as Record<string, unknown>;
  const expected = e.keyword === 'pattern' ? `must be ${describePattern(String(p.pattern))}` : `is not allowed (${e.message ?? e.keyword})`;
  return { rule: 'schema/property-name', message: `property name '${name}' in ${where} ${expected}; rename it`, path: childPointer(e.instancePath, name), at: 'key' };
}

/** Words for each branch of a summary: a type, a constant or a list of values. */
function alternatives(list: unknown): string[] {
  const out: string[] = [];
  for (const e of Array.isArray(list) ? (list as ErrorObject[]) : []) {
    const p = e.params as Record<string, unknown>;
    const words = e.keyword === 'type' ? describeTypes(p.type)
      : e.keyword === 'const' ? quote(p.allowedValue)
      : e.keyword === 'enum' && Array.isArray(p.allowedValues) ? `one of ${p.allowedValues.map(quote).join(', ')}`
      : e.keyword === ALTERNATIVES ? joinOr(alternatives(p.alternatives)) : undefined;
    if (words !== undefined && !out.includes(words)) out.push(words);
  }
  return out;
}

function joinAnd(items: readonly number[]): string {
  return items.length <= 1 ? String(items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
