// The TLP marking of an incident's outputs (status, exports): the strictest TLP of the plans the
// incident has been in, since a plan's contacts and steps are in what they show.
import type { IncidentState, Plans } from '../../engine/index.js';
import type { Tlp } from '../../plan/types.js';
import { strictestTlp } from '../../tlp.js';

/** The marking every rendering of this incident carries. */
export function incidentTlp(state: IncidentState, plans: Plans): Tlp {
  return strictestTlp(state.plans.map((id) => plans.get(id)?.metadata.tlp));
}
