// Where a plan refers to its own (or another plan's) elements: one list of sites per kind of target.
// Only string values are sites; a value of the wrong type is the schema's finding.

import { asArray, get, pointer, str } from './safe.js';

/** One reference in a plan: where it is, what it says, and how to name its place in a message. */
export interface RefSite {
  path: string;
  value: string;
  context: string; // e.g. 'step "triage", option "Escalate"' ('' for top-level fields)
  field: string; // e.g. 'next', 'decision.owner'
}

/** A reference split at its first '#': PLAN#ID has a plan, a bare ID has none. */
export function parseRef(value: string): { plan: string | undefined; id: string } {
  const hash = value.indexOf('#');
  return hash === -1 ? { plan: undefined, id: value } : { plan: value.slice(0, hash), id: value.slice(hash + 1) };
}

/** How messages name an element of a list: by its id, else by its label, else by its position. */
export function nameOf(noun: string, entry: unknown, index: number): string {
  const id = str(get(entry, 'id')) ?? str(get(entry, 'label'));
  return id !== undefined ? `${noun} "${id}"` : `${noun} #${index + 1}`;
}

/** Lists whose entries are named in messages; entries of other lists (supporting, actors, ...) are plain values. */
const NOUNS: Readonly<Record<string, string>> = {
  steps: 'step',
  options: 'option',
  roles: 'role',
  notifications: 'notification',
  capabilities: 'capability',
  levels: 'level',
  stakeholders: 'stakeholder',
  clocks: 'clock',
  unionArrangements: 'union arrangement',
};

/** Where a walk is: the pointer so far, the named entries passed, and the keys since the last one. */
interface Cursor {
  path: (string | number)[];
  context: string;
  field: string[];
}

/** The string values at path patterns such as 'steps/STAR/next', where STAR ('*') is every entry of a list. */
function sites(plan: unknown, ...patterns: readonly string[]): RefSite[] {
  const out: RefSite[] = [];
  const walk = (value: unknown, keys: readonly string[], at: number, c: Cursor): void => {
    const key = keys[at];
    if (key === undefined) {
      const text = str(value);
      if (text === undefined) return;
      out.push({ path: pointer(...c.path), value: text, context: c.context, field: c.field.join('.') });
      return;
    }
    if (key !== '*') {
      walk(get(value, key), keys, at + 1, { ...c, path: [...c.path, key], field: [...c.field, key] });
      return;
    }
    const list = keys[at - 1] ?? '';
    const noun = Object.hasOwn(NOUNS, list) ? NOUNS[list] : undefined;
    asArray(value).forEach((entry, i) => {
      const path = [...c.path, i];
      if (noun === undefined) return walk(entry, keys, at + 1, { ...c, path });
      const named = nameOf(noun, entry, i);
      walk(entry, keys, at + 1, { path, context: c.context === '' ? named : `${c.context}, ${named}`, field: [] });
    });
  };
  for (const pattern of patterns) walk(plan, pattern.split('/'), 0, { path: [], context: '', field: [] });
  return out;
}

/** References to steps: start, next, option next, and where tracks start (local or PLAN#STEP). */
export function stepRefSites(plan: unknown): RefSite[] {
  return sites(plan, 'start', 'steps/*/next', 'steps/*/decision/options/*/next', 'steps/*/startsTracks/*', 'steps/*/decision/options/*/startsTracks/*');
}

/** Union-level arrangements: PLAN#STEP or PLAN#ROLE in the parent plan. */
export function arrangementRefSites(plan: unknown): RefSite[] {
  return sites(plan, 'unionArrangements/*/ref');
}

/** References to roles: owners, supporting roles, recipients, level actors, stakeholder roles. */
export function roleRefSites(plan: unknown): RefSite[] {
  return sites(
    plan,
    'steps/*/owner',
    'steps/*/supporting/*',
    'steps/*/decision/owner',
    'notifications/*/to',
    'capabilities/*/owner',
    'levels/*/actors/*',
    'stakeholders/*/role',
  );
}

/** References to levels: step level, option escalate, role level. */
export function levelRefSites(plan: unknown): RefSite[] {
  return sites(plan, 'steps/*/level', 'steps/*/decision/options/*/escalate', 'roles/*/level');
}

/** References to clocks: startsClocks of steps and options, notification clock and alsoMeets, clock after. */
export function clockRefSites(plan: unknown): RefSite[] {
  return sites(
    plan,
    'steps/*/startsClocks/*',
    'steps/*/decision/options/*/startsClocks/*',
    'notifications/*/clock',
    'notifications/*/alsoMeets/*',
    'clocks/*/after',
  );
}

/** References to channels: role contacts and notifications. */
export function channelRefSites(plan: unknown): RefSite[] {
  return sites(plan, 'roles/*/contacts/*/channel', 'notifications/*/channel');
}

/** References to notifications: step notify. */
export function notificationRefSites(plan: unknown): RefSite[] {
  return sites(plan, 'steps/*/notify/*');
}
