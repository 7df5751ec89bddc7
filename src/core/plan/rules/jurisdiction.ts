// metadata/jurisdiction: `EU`, a Member State, or a user-assigned code for an example plan.
// The schema checks the form (two capitals); this rule checks that the code names a Member State.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import type { Rule } from './rule.js';
import { get, str } from './safe.js';

const meta: RuleMeta = {
  id: 'metadata/jurisdiction',
  severity: 'error',
  description: 'The plan jurisdiction is EU, the code of one of the 27 Member States, or a user-assigned X? code for an example.',
};

/**
 * The 27 Member States by ISO 3166-1 alpha-2 code. Greece is EL in EU usage and GR in ISO 3166:
 * both are accepted.
 */
export const MEMBER_STATES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'GR', 'ES', 'FI', 'FR', 'HR',
  'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
]);

/** Reports a two-letter jurisdiction that is neither EU, a Member State nor XA-XZ. */
export const jurisdiction: Rule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    const code = str(get(get(ctx.plan, 'metadata'), 'jurisdiction'));
    // Other forms are the schema's finding (pattern ^(EU|[A-Z]{2})$).
    if (code === undefined || !/^[A-Z]{2}$/.test(code)) return out;
    // XA-XZ are user-assigned in ISO 3166-1: the bundled examples use them for fictitious states.
    if (code === 'EU' || MEMBER_STATES.has(code) || code.startsWith('X')) return out;
    const left = code === 'GB' || code === 'UK' ? ' (the United Kingdom is not a Member State)' : '';
    const message =
      `jurisdiction "${code}" is not EU or a Member State${left}: write EU for a Union-level plan, ` +
      "the Member State's ISO 3166-1 alpha-2 code (EL or GR for Greece), or XA-XZ for an illustrative example";
    out.push(finding(meta, '/metadata/jurisdiction', message));
    return out;
  },
};
