// `crisis status --watch`: print the status again whenever the incident's log grows. On a team
// log the server tells (LISTEN/NOTIFY) and nothing is polled; on a SQLite log the incident's
// event count is looked at each second (one indexed count, never the whole log). Clocks move on
// their own, so the status is also redrawn each half minute. It runs until Ctrl+C.
import type { LogChanges } from '../core/ports.js';
import { isPostgresUrl } from '../adapters/postgres/connection-string.js';
import type { CliIO } from './io.js';
import type { OpenLog } from './session.js';

const CLOCK_REFRESH_MS = 30_000;
const POLL_MS = 1_000;

/** Call `show` now and after every change of incident `id`, until the process is stopped. */
export async function watchIncident(log: OpenLog, id: string, io: CliIO, show: (lastSeq: number) => Promise<void>): Promise<never> {
  const changes = await changesFor(log);
  let shown = (await log.incident(id))?.events ?? 0;
  await show(shown);
  for (;;) {
    const seq = await nextChange(changes, log, id, shown);
    if (seq > shown || seq === -1) {
      if (seq > shown) shown = seq;
      if (io.stdout.isTTY) io.stdout.write('\u001b[2J\u001b[H');
      await show(shown);
    }
  }
}

async function changesFor(log: OpenLog): Promise<LogChanges | undefined> {
  if (!isPostgresUrl(log.path)) return undefined;
  const { PostgresEventLog } = await import('../adapters/postgres/postgres-event-log.js');
  if (!(log instanceof PostgresEventLog)) return undefined;
  const { PostgresChanges } = await import('../adapters/postgres/live-changes.js');
  return new PostgresChanges(log.connectionString);
}

/** The incident's last seq once it passes `shown`, or -1 when it is time to redraw the clocks. */
function nextChange(changes: LogChanges | undefined, log: OpenLog, id: string, shown: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (value: number | Error): void => {
      if (done) return;
      done = true;
      clearTimeout(clock);
      clearInterval(poll);
      void stop.then((s) => s());
      if (value instanceof Error) reject(value);
      else resolve(value);
    };
    const clock = setTimeout(() => finish(-1), CLOCK_REFRESH_MS);
    const poll =
      changes === undefined
        ? setInterval(() => {
            log.incident(id).then((r) => {
              if ((r?.events ?? 0) > shown) finish(r?.events ?? 0);
            }, finish);
          }, POLL_MS)
        : undefined;
    const stop: Promise<() => Promise<void>> =
      changes === undefined
        ? Promise.resolve(async () => undefined)
        : changes.watch(
            id,
            (seq) => {
              if (seq > shown) finish(seq);
            },
            finish,
          );
  });
}
