// NIS2 Art. 9(4)(c): crisis management procedures, their integration into the national framework,
// and information-exchange channels.

import { nis2Rule } from './nis2-profile.js';
import { deepestPointer, get, idIndex, isText, items, str } from './safe.js';

/** The phases in which a plan must have at least one step to count as having procedures. */
const REQUIRED_PHASES = ['detection', 'response'] as const;

/** Art. 9(4)(c): procedures, read as steps in the detection and response phases. */
export const nis2Procedures = nis2Rule(
  'nis2/art9-4-c-procedures',
  'A national plan has at least one step in the detection phase and one in the response phase (NIS2 Art. 9(4)(c)).',
  ({ plan }, report) => {
    const phases = new Set(items(plan, 'steps').map((s) => str(get(s, 'phase'))));
    const missing = REQUIRED_PHASES.filter((p) => !phases.has(p));
    if (missing.length === 0) return [];
    const what = missing.map((p) => `phase: ${p}`).join(' and ');
    const message =
      `add steps with ${what}: the cyber crisis management procedures, from detection to response (NIS2 Art. 9(4)(c))`;
    return [report(deepestPointer(plan, ['steps']), message)];
  },
);

/** Art. 9(4)(c): how the plan fits the general national crisis management framework. */
export const nis2FrameworkIntegration = nis2Rule(
  'nis2/art9-4-c-framework-integration',
  'A national plan says in nationalFramework.integration how it fits the general national crisis management ' +
    'framework (NIS2 Art. 9(4)(c)).',
  ({ plan }, report) => {
    if (isText(get(get(plan, 'nationalFramework'), 'integration'))) return [];
    const message =
      'add nationalFramework.integration: how cyber crisis management is integrated into the general national ' +
      'crisis management framework (NIS2 Art. 9(4)(c))';
    return [report(deepestPointer(plan, ['nationalFramework', 'integration']), message)];
  },
);

/** Art. 9(4)(c): information-exchange channels, defined and actually used by a role's contacts. */
export const nis2InfoExchangeChannels = nis2Rule(
  'nis2/art9-4-c-info-exchange-channels',
  'A national plan defines information-exchange channels and at least one role contact uses one (NIS2 Art. 9(4)(c)).',
  ({ plan }, report) => {
    const channels = idIndex(get(plan, 'channels'));
    if (channels.size === 0) {
      const message = 'add channels: the information-exchange channels of the plan (NIS2 Art. 9(4)(c))';
      return [report(deepestPointer(plan, ['channels']), message)];
    }
    const used = items(plan, 'roles').some((role) =>
      items(role, 'contacts').some((c) => channels.has(str(get(c, 'channel')) ?? '')),
    );
    if (used) return [];
    const message =
      'add contacts to the roles that use the defined channels: no role can be reached through an ' +
      'information-exchange channel (NIS2 Art. 9(4)(c))';
    return [report(deepestPointer(plan, ['roles']), message)];
  },
);
