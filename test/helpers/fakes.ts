// Hand-written fakes of the core's ports, for tests that must not touch a terminal or a disk.
import type { Clock, SelectQuestion, CommandResult, CommandRunner, EventLog, Interrupts, RunOptions, IncidentRecord, LoggedEvent, PlanSnapshot, Prompter, RecordedEvent, Screen, VerifyResult } from '../../src/core/ports.js';
import { Cancelled, LogConflict } from '../../src/core/errors.js';

/** One scripted answer: a select picks the first choice whose name contains `pick`. */
export type Answer = { select: string } | { input: string } | { confirm: boolean } | { cancel: true };

/** A prompter that answers from a script and records every question asked. */
export class ScriptedPrompter implements Prompter {
  readonly asked: string[] = [];
  /** The entries of the last select, as shown, and how many it showed at once. */
  offered: string[] = [];
  pageSize: number | undefined;
  constructor(private readonly answers: Answer[]) {}

  /** What each select drew live above its question (clocks), in order. */
  readonly live: string[] = [];
  /** The shortcut keys and footer of the last select. */
  shortcuts: readonly { key: string; value: unknown }[] = [];
  footer: string | undefined;
  async select<T>(q: SelectQuestion<T>): Promise<T> {
    this.offered = q.choices.map((c) => c.name);
    this.pageSize = q.pageSize;
    if (q.live) this.live.push(q.live());
    this.shortcuts = q.shortcuts ?? [];
    this.footer = q.footer;
    // A script may answer by shortcut key, as a responder does: { select: 'key:p' }.
    const peek = this.answers[0];
    if (peek && 'select' in peek && peek.select.startsWith('key:')) {
      const hit = q.shortcuts?.find((k) => k.key === peek.select.slice(4));
      if (!hit) throw new Error(`no shortcut ${peek.select} at "${q.message}"`);
      this.next(q.message, 'select');
      return hit.value;
    }
    const a = this.next(q.message, 'select');
    const choice = q.choices.find((c) => c.name.includes(a));
    if (!choice) throw new Error(`no choice contains "${a}" at "${q.message}": ${q.choices.map((c) => c.name).join(' | ')}`);
    return choice.value;
  }
  async input(q: { message: string; validate?: (v: string) => true | string }): Promise<string> {
    const a = this.next(q.message, 'input');
    const ok = q.validate?.(a) ?? true;
    if (ok !== true) throw new Error(`scripted input "${a}" rejected at "${q.message}": ${ok}`);
    return a;
  }
  async confirm(q: { message: string }): Promise<boolean> {
    return this.next(q.message, 'confirm');
  }
  get remaining(): number {
    return this.answers.length;
  }

  private next(message: string, kind: 'select'): string;
  private next(message: string, kind: 'input'): string;
  private next(message: string, kind: 'confirm'): boolean;
  private next(message: string, kind: 'select' | 'input' | 'confirm'): string | boolean {
    this.asked.push(message);
    const a = this.answers.shift();
    if (a === undefined) throw new Error(`the script ran out at "${message}"`);
    if ('cancel' in a) throw new Cancelled('cancelled by the script');
    if (kind === 'select' && 'select' in a) return a.select;
    if (kind === 'input' && 'input' in a) return a.input;
    if (kind === 'confirm' && 'confirm' in a) return a.confirm;
    throw new Error(`expected a ${kind} answer at "${message}", the script has ${JSON.stringify(a)}`);
  }
}

/** A clock that only moves when told to. */
export class FakeClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A screen that keeps what was written. */
export class BufferScreen implements Screen {
  text = '';
  clears = 0;
  constructor(
    readonly columns = 100,
    readonly rows = 50,
  ) {}
  write(text: string): void {
    this.text += text;
  }
  clear(): void {
    this.clears++;
  }
}

/** A runner that records what it was asked to run and answers with a fixed result (or what `during` returns). */
export class FakeRunner implements CommandRunner {
  readonly runs: string[][] = [];
  readonly options: RunOptions[] = [];
  constructor(
    private readonly result: CommandResult = { exitCode: 0, timedOut: false, durationMs: 5, output: 'ok' },
    /** Called while the command "runs": a test can look at the log or interrupt here. */
    private readonly during?: (options: RunOptions) => Promise<CommandResult | undefined> | CommandResult | undefined,
  ) {}
  async run(argv: readonly string[], options: RunOptions): Promise<CommandResult> {
    this.runs.push([...argv]);
    this.options.push(options);
    return (await this.during?.(options)) ?? this.result;
  }
}

/** Interrupts a test raises by hand (Ctrl+C while a command runs). */
export class FakeInterrupts implements Interrupts {
  private handlers = new Set<() => void>();
  listen(handler: () => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
  interrupt(): void {
    for (const h of this.handlers) h();
  }
  get listening(): number {
    return this.handlers.size;
  }
}

/** The working folder a test walkthrough resolves run.cwd against. */
export const fakeWorkdir = (planCwd: string | undefined): string => (planCwd === undefined ? '/home/ana' : planCwd.startsWith('/') ? planCwd : `/home/ana/${planCwd}`);

/**
 * An in-memory event log with the same contract as the SQLite one (no hashing). The *Now
 * methods do the same synchronously, for a test's set-up and for "another terminal" mid-test.
 */
export class MemoryEventLog<E extends LoggedEvent> implements EventLog<E> {
  private readonly store = new Map<string, { record: Omit<IncidentRecord, 'closed' | 'events' | 'lastEventAt'>; plans: PlanSnapshot[]; events: RecordedEvent<E>[] }>();
  async createIncident(input: NewIncident<E>): Promise<RecordedEvent<E>[]> {
    return this.createNow(input);
  }
  createNow(input: NewIncident<E>): RecordedEvent<E>[] {
    if (this.store.has(input.id)) throw new Error(`incident ${input.id} exists`);
    const plans = input.plans.map((p) => ({ planId: p.planId, text: p.text, hash: p.hash ?? 'fake' }));
    this.store.set(input.id, { record: { id: input.id, title: input.title, planId: input.planId, createdAt: input.createdAt }, plans, events: [] });
    return this.appendAllNow(input.id, input.events ?? []);
  }
  async append(incidentId: string, event: E): Promise<RecordedEvent<E>> {
    const [r] = this.appendAllNow(incidentId, [event]);
    if (!r) throw new Error('nothing appended');
    return r;
  }
  async appendAll(incidentId: string, events: readonly E[], options: { afterSeq?: number } = {}): Promise<RecordedEvent<E>[]> {
    return this.appendAllNow(incidentId, events, options);
  }
  appendAllNow(incidentId: string, events: readonly E[], options: { afterSeq?: number } = {}): RecordedEvent<E>[] {
    const entry = this.store.get(incidentId);
    if (!entry) throw new Error(`no incident ${incidentId}`);
    if (options.afterSeq !== undefined && options.afterSeq !== entry.events.length) throw new LogConflict(`expected ${options.afterSeq}, log at ${entry.events.length}`);
    return events.map((event) => {
      const seq = entry.events.length + 1;
      const r = { seq, prevHash: String(seq - 1), hash: String(seq), event: structuredClone(event) };
      entry.events.push(r);
      return r;
    });
  }
  async events(incidentId: string): Promise<RecordedEvent<E>[]> {
    return this.eventsNow(incidentId);
  }
  eventsNow(incidentId: string): RecordedEvent<E>[] {
    return [...(this.store.get(incidentId)?.events ?? [])];
  }
  async incident(id: string): Promise<IncidentRecord | undefined> {
    return this.incidentNow(id);
  }
  incidentNow(id: string): IncidentRecord | undefined {
    const entry = this.store.get(id);
    if (!entry) return undefined;
    const last = entry.events.at(-1);
    return {
      ...entry.record,
      closed: entry.events.some((e) => e.event.type === 'incident-closed'),
      events: entry.events.length,
      lastEventAt: last ? last.event.at : null,
    };
  }
  async incidents(): Promise<IncidentRecord[]> {
    return [...this.store.keys()].flatMap((id) => this.incidentNow(id) ?? []);
  }
  async snapshots(incidentId: string): Promise<PlanSnapshot[]> {
    return [...(this.store.get(incidentId)?.plans ?? [])];
  }
  async verify(_incidentId?: string, anchors: readonly string[] = []): Promise<VerifyResult> {
    const links = [...this.store.entries()].flatMap(([incidentId, e]) => e.events.map((r) => ({ incidentId, seq: r.seq, hash: r.hash })));
    const heads = [...this.store.entries()].map(([incidentId, e]) => ({ incidentId, seq: e.events.length, hash: e.events.at(-1)?.hash ?? '0' }));
    const events = [...this.store.values()].reduce((n, e) => n + e.events.length, 0);
    return { ok: true, incidents: this.store.size, events, heads, anchors: anchors.map((hex) => ({ hex, at: links.find((l) => l.hash.startsWith(hex)) })) };
  }
  async close(): Promise<void> {}
}

type NewIncident<E extends LoggedEvent> = Parameters<EventLog<E>['createIncident']>[0];
