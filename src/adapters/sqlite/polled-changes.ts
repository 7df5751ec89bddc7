// LogChanges on a SQLite log: a teammate's `crisis note` from a second terminal writes the same file,
// and nothing tells this process, so the incident's last seq is looked at every second. One lookup
// on the primary key (incident_id, seq) on its own read-only connection: cheap however long the log.
import Database from 'better-sqlite3';
import type { LogChanges } from '../../core/ports.js';

const POLL_MS = 1_000;

/** Changes of the SQLite log at `path`, polled; opens its connection on the first look. */
export class SqlitePolledChanges implements LogChanges {
  private db: Database.Database | undefined;
  private query: Database.Statement | undefined;

  constructor(
    private readonly path: string,
    private readonly everyMs = POLL_MS,
  ) {}

  async watch(incidentId: string, onChange: (lastSeq: number) => void): Promise<() => Promise<void>> {
    const look = (): void => {
      const seq = this.lastSeq(incidentId);
      if (seq !== undefined) onChange(seq);
    };
    look(); // an event written between the caller's read and now is not missed
    const timer = setInterval(look, this.everyMs);
    timer.unref();
    return async () => clearInterval(timer);
  }

  /** The incident's last seq; undefined when the file cannot be read just now (the next look tries again). */
  lastSeq(incidentId: string): number | undefined {
    try {
      this.db ??= new Database(this.path, { readonly: true, fileMustExist: true, timeout: 1_000 });
      this.query ??= this.db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events WHERE incident_id = ?');
      const row = this.query.get(incidentId) as { seq: number } | undefined;
      return row?.seq ?? 0;
    } catch {
      // Busy or briefly unreadable: a missed look only delays a redraw; the walkthrough's own
      // reads and writes report a log that is really gone.
      return undefined;
    }
  }

  async close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
    this.query = undefined;
  }
}
