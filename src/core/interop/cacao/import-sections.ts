// The plan's parts that are not steps: from the crisis extension when the playbook carries it
// (crisis wrote it), else made from CACAO's own properties, with a finding for each guess.
import type { Level, Plan, PlanMetadata, Role, Tlp } from '../../plan/types.js';
import { strictestTlp, TLP_ORDER } from '../../tlp.js';
import { CRISIS_EXTENSION_ID, TLP_MARKING_IDS } from './ids.js';

type Sections = Omit<Plan, 'steps'>;
const SECTION_KEYS = [
  'principles', 'levels', 'phases', 'roles', 'channels', 'clocks', 'severities', 'notifications', 'capabilities',
  'preparedness', 'nationalFramework', 'stakeholders', 'infrastructure', 'unionArrangements',
] as const;

const obj = (x: unknown): Record<string, unknown> | undefined => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined);
const own = (x: Record<string, unknown> | undefined, key: string): unknown => (x !== undefined && Object.hasOwn(x, key) ? x[key] : undefined);

/** The extension data crisis writes on the playbook, if any. */
export function planExtension(playbook: Record<string, unknown>): Partial<Sections> | undefined {
  return obj(own(obj(own(obj(own(playbook, 'playbook_extensions')), CRISIS_EXTENSION_ID)), 'plan')) as Partial<Sections> | undefined;
}

/** The TLP the playbook's markings say (the strictest), or undefined when it has none. */
export function markedTlp(playbook: Record<string, unknown>): { tlp?: Tlp; other: string[] } {
  const markings = own(playbook, 'markings');
  const definitions = obj(own(playbook, 'data_marking_definitions'));
  const found: Tlp[] = [];
  const other: string[] = [];
  for (const id of Array.isArray(markings) ? markings : []) {
    if (typeof id !== 'string') continue;
    const known = (Object.keys(TLP_MARKING_IDS) as Tlp[]).find((t) => TLP_MARKING_IDS[t] === id);
    const level = own(obj(own(definitions, id)), 'tlpv2_level');
    const named = typeof level === 'string' ? TLP_ORDER.find((t) => `TLP:${t}` === level) : undefined;
    if (named ?? known) found.push((named ?? known) as Tlp);
    else other.push(id);
  }
  return found.length > 0 ? { tlp: strictestTlp(found), other } : { other };
}

/** A kebab-case id made from any text (never empty). */
export function slug(text: string, fallback: string): string {
  const s = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return s === '' ? fallback : s;
}

/** Sections from the extension, the metadata made from the playbook where it has none. */
export function sectionsFrom(playbook: Record<string, unknown>, ext: Partial<Sections> | undefined, tlp: Tlp): Sections {
  const name = typeof playbook.name === 'string' ? playbook.name : 'Imported CACAO playbook';
  const description = typeof playbook.description === 'string' ? playbook.description : undefined;
  const fromExt = obj(ext?.metadata) as PlanMetadata | undefined;
  const metadata: PlanMetadata = fromExt
    ? { ...fromExt, tlp }
    : { id: slug(name, 'imported-playbook'), title: name, version: '1.0.0', jurisdiction: 'EU', tlp, ...(description ? { description } : {}) };
  const out: Sections = { apiVersion: 'crisis/v1', kind: 'Plan', metadata, levels: [], roles: [] };
  for (const key of SECTION_KEYS) {
    const value = own(ext as Record<string, unknown> | undefined, key);
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** The level every step is at when CACAO says nothing of cooperation levels. */
export const DEFAULT_LEVEL: Level = { id: 'response', title: 'Response', rank: 1 };
/** The role of steps whose agent is missing. */
export const UNASSIGNED_ROLE: Role = { id: 'unassigned', title: 'Unassigned (no agent in the CACAO playbook)', type: 'other' };
