// The walkthrough's menu, withdrawn when the incident's log grows under it (a teammate's event)
// so the screen is drawn again from the latest log; and withdrawn with the error when the log
// can no longer be reached, so the responder is told at once rather than at their next choice.
import type { Choice, LogChanges, Prompter } from '../ports.js';

/** What selectWhileLive returns when the log changed before the responder chose. */
export const LOG_CHANGED = Symbol('log changed');

interface Question<T> {
  message: string;
  choices: readonly Choice<T>[];
  default?: T;
  pageSize?: number;
}

/** Ask `question`; LOG_CHANGED when an event after `shownSeq` arrives first. Without `changes`, a plain select. */
export async function selectWhileLive<T>(
  deps: { prompter: Prompter; changes?: LogChanges },
  incidentId: string,
  shownSeq: number,
  question: Question<T>,
): Promise<T | typeof LOG_CHANGED> {
  if (deps.changes === undefined) return deps.prompter.select(question);
  const controller = new AbortController();
  const stop = await deps.changes.watch(
    incidentId,
    (lastSeq) => {
      if (lastSeq > shownSeq) controller.abort(LOG_CHANGED);
    },
    (error) => controller.abort(error),
  );
  try {
    if (controller.signal.aborted) throw controller.signal.reason;
    return await deps.prompter.select({ ...question, signal: controller.signal });
  } catch (error) {
    if (error === LOG_CHANGED) return LOG_CHANGED;
    throw error;
  } finally {
    await stop();
  }
}
