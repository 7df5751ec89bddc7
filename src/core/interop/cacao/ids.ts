// Deterministic CACAO identifiers: `<type>--<UUIDv5>` of a name that says what the object is in
// which plan, in one fixed namespace. Exporting the same plan twice gives the same ids, and a
// step keeps its id when other steps change.
import type { Tlp } from '../../plan/types.js';
import { uuidV5 } from '../uuid5.js';

/**
 * The namespace of every id crisis writes: UUIDv5 of the URL
 * https://crisis-plans.github.io/crisis/cacao in the RFC 9562 URL namespace. Never change it:
 * it would give every exported object a new identity.
 */
export const CACAO_NAMESPACE = 'b1f549e2-2699-5122-b3e6-c3df85ba4066';

/** `<type>--<uuid>` for the object named `name` (e.g. `eu-circp/step/triage`). */
export function cacaoId(type: string, name: string): string {
  return `${type}--${uuidV5(CACAO_NAMESPACE, name)}`;
}

/** The playbook of a plan: also what a hand-over from another plan's playbook names. */
export function playbookId(planId: string): string {
  return cacaoId('playbook', `plan/${planId}`);
}

/**
 * The TLP 2.0 marking definitions under the identifiers FIRST's TLP 2.0 definitions have in STIX
 * 2.1 and CACAO 2.0 (the CACAO specification's examples use them), so a reader can recognise a
 * marking by its id alone. These are not UUIDv5: they are the published ones.
 */
export const TLP_MARKING_IDS: Readonly<Record<Tlp, string>> = {
  CLEAR: 'marking-tlp--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-tlp--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-tlp--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-tlp--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-tlp--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** The extension that carries what CACAO has no property for (levels, phases, clocks, ...). */
export const CRISIS_EXTENSION_ID = cacaoId('extension-definition', 'crisis/v1');
/** The identity crisis names as the creator of what it writes. */
export const CRISIS_IDENTITY = cacaoId('identity', 'crisis');
/** The global variable an action step that asks a question returns its answer in. */
export const DECISION_VARIABLE = '__decision__';
