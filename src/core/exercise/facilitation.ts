// The facilitator's part in a played exercise, as walkthrough hooks: release injects (on demand or
// when the accelerated clock reaches them), move exercise time, show the exercise banner, end it.
import { safeLine } from '../safe-text/index.js';
import type { IncidentEvent, Plans } from '../engine/index.js';
import { commitFromLatest } from '../commit.js';
import type { Choice, EventLog, Prompter } from '../ports.js';
import type { Styler } from '../report/styler.js';
import { addDuration, parseDuration } from '../time/duration.js';
import type { WalkHooks } from '../walkthrough/walk.js';
import { sinceStart } from '../report/exercise/format.js';
import { wrap } from '../report/wrap.js';
import { pendingInjects, type PlayClock, type ScheduledInject } from './pacer.js';
import { FACILITATOR, injectEvent } from './session.js';
import type { Exercise } from './types.js';

export interface FacilitationDeps {
  log: EventLog<IncidentEvent>;
  plans: Plans;
  incidentId: string;
  exercise: Exercise;
  schedule: readonly ScheduledInject[];
  start: Date;
  clock: PlayClock;
  prompter: Prompter;
  styler: Styler;
}

const RELEASE = '__release-inject__';
const ADVANCE = '__advance-time__';
const REFRESH = '__refresh__';
const ENDEX = '__endex__';
/** Real milliseconds an inject released by the clock stays on screen before the next may replace it. */
const SHOW_INJECT_MS = 4_000;

/** A note by the facilitator at the current exercise time: it also marks where time stands. */
export async function facilitatorNote(d: Pick<FacilitationDeps, 'log' | 'incidentId' | 'clock' | 'plans'>, text: string): Promise<void> {
  await commitFromLatest(d.log, d.incidentId, d.plans, (state) =>
    state.closed ? [] : [{ type: 'note-added', text, at: d.clock.now().toISOString(), actor: FACILITATOR, ...(state.tracks.length === 1 && state.tracks[0] ? state.tracks[0].at : {}) }],
  );
}

/** The hooks that make the walkthrough a facilitated exercise. */
export function facilitatorHooks(d: FacilitationDeps): WalkHooks {
  const offset = (t: Date): string => sinceStart(t.toISOString(), d.start.toISOString());
  // Injects not yet released, never stamped before what is already logged (a late one is stamped when it came out).
  const release = async (pick: (pending: readonly ScheduledInject[]) => readonly ScheduledInject[]): Promise<void> => {
    await commitFromLatest(d.log, d.incidentId, d.plans, (state) => {
      const last = Math.max(...state.timeline.map((e) => Date.parse(e.at)), d.start.getTime());
      return pick(pendingInjects(d.schedule, state)).map((s) => injectEvent(s.inject, new Date(Math.max(s.at.getTime(), last))));
    });
  };
  // Exercise time of the last inject released by the clock: the next waits until this one was seen.
  let releasedAt: number | undefined;
  return {
    async beforeScreen() {
      if (d.clock.speed === undefined) return;
      const now = d.clock.now().getTime();
      // One at a time, each on its own screen: several due at once come out one after another.
      let released = false;
      await release((pending) => {
        const due = pending.filter((s) => s.at.getTime() <= now).slice(0, 1);
        released = due.length > 0;
        return due;
      });
      if (released) releasedAt = now;
    },
    live() {
      const s = d.styler;
      const pace = d.clock.speed === undefined ? 'paced by the facilitator' : `×${d.clock.speed}`;
      return s.warning(s.bold(`EXERCISE  ${safeLine(d.exercise.metadata.title)}  ·  TLP:${safeLine(d.exercise.metadata.tlp)}  ·  ${offset(d.clock.now())} (${pace})`));
    },
    wakeInMs(state) {
      const speed = d.clock.speed;
      const next = pendingInjects(d.schedule, state)[0];
      if (speed === undefined || next === undefined) return undefined;
      const now = d.clock.now().getTime();
      const untilDue = (next.at.getTime() - now) / speed;
      const seenFor = releasedAt === undefined ? SHOW_INJECT_MS : (now - releasedAt) / speed;
      return Math.max(0, untilDue, SHOW_INJECT_MS - seenFor);
    },
    banner(state) {
      const s = d.styler;
      const lines: string[] = [];
      const last = state.injects.at(-1);
      const inject = last && d.exercise.injects.find((i) => i.id === last.injectId);
      if (inject) lines.push(s.bold(`Latest inject: ${safeLine(inject.title)}`), ...wrap(safeLine(inject.message.replace(/\s*\n\s*/g, ' ')), 96).map((l) => `  ${l}`));
      const next = pendingInjects(d.schedule, state)[0];
      lines.push(s.dim(next ? `Next inject at ${offset(next.at)}` : 'All injects released'), '');
      return lines.join('\n') + '\n';
    },
    choices(state) {
      const next = pendingInjects(d.schedule, state)[0];
      const out: Choice<string>[] = [];
      if (d.clock.speed === undefined) {
        if (next) out.push({ name: `▶ Facilitator: release the next inject "${next.inject.title}" (${offset(next.at)})`, value: RELEASE });
        out.push({ name: '⏩ Facilitator: move exercise time forward', value: ADVANCE });
      } else out.push({ name: '↻ Refresh clocks and injects', value: REFRESH });
      out.push({ name: '■ Facilitator: end the exercise (ENDEX) and write the report', value: ENDEX });
      return out;
    },
    async choose(id, state) {
      if (id === ENDEX) return (await d.prompter.confirm({ message: 'End the exercise now and score it?', default: false })) ? 'end' : 'again';
      if (id === RELEASE) {
        const next = pendingInjects(d.schedule, state)[0];
        if (next) {
          d.clock.advanceTo(next.at);
          await release((pending) => pending.slice(0, 1));
        }
      }
      if (id === ADVANCE) {
        const text = await d.prompter.input({
          message: 'Move exercise time forward by (an ISO 8601 duration such as PT30M):',
          validate: (v) => (parseDuration(v.trim().toUpperCase()) ? true : 'give a duration such as PT30M or PT2H'),
        });
        const by = parseDuration(text.trim().toUpperCase());
        if (by) {
          d.clock.advanceTo(addDuration(d.clock.now(), by));
          await facilitatorNote(d, `Facilitator moved exercise time forward to ${offset(d.clock.now())}`);
        }
      }
      return 'again';
    },
  };
}
