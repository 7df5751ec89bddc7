// `crisis log verify` vouches for the replay checkpoints too: each one must be exactly what a
// full replay of the log up to its event gives. One kept by another version is not used, so it
// is not judged.
import { fold, toCheckpoint, type IncidentEvent } from '../core/engine/index.js';
import type { EventLog, IncidentRecord } from '../core/ports.js';
import { canonicalJson, toJsonValue } from '../adapters/log-chain/canonical-json.js';
import { checkpointFormat, checkpointStoreOf } from './incident-head.js';
import { plansFromSnapshots } from './snapshot-plans.js';

/** One sentence per checkpoint that a full replay contradicts; empty when all hold (or there are none). */
export async function checkpointProblems(log: EventLog<IncidentEvent>, incidents: readonly IncidentRecord[]): Promise<string[]> {
  const store = checkpointStoreOf(log);
  if (store === undefined) return [];
  const problems: string[] = [];
  for (const record of incidents) {
    const stored = await store.checkpoint(record.id);
    if (stored === undefined || stored.format !== checkpointFormat()) continue;
    const where = `the replay checkpoint of incident ${record.id} at event ${stored.seq}`;
    const recorded = (await log.events(record.id)).filter((r) => r.seq <= stored.seq);
    if (recorded.at(-1)?.seq !== stored.seq || recorded.at(-1)?.hash !== stored.hash) {
      problems.push(`${where} names an event hash the log does not have`);
      continue;
    }
    const replayed = canonicalJson(toJsonValue(toCheckpoint(fold(plansFromSnapshots(await log.snapshots(record.id), record.id), recorded.map((r) => r.event)))));
    let kept: string;
    try {
      kept = canonicalJson(toJsonValue(JSON.parse(stored.state)));
    } catch {
      kept = '';
    }
    if (kept !== replayed) problems.push(`${where} differs from a full replay of the log (status and note would have shown it)`);
  }
  return problems;
}
