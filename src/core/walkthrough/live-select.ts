// The walkthrough's menu, withdrawn when the incident's log grows under it (a teammate's event)
// so the screen is drawn again from the latest log; and withdrawn with the error when the log
// can no longer be reached, so the responder is told at once rather than at their next choice.
// Also withdrawn when a driver asks to be woken (an exercise inject comes due while the menu waits).
import type { LogChanges, Prompter, SelectQuestion } from '../ports.js';

/** What selectWhileLive returns when the log changed (or the wake-up came) before the responder chose. */
export const LOG_CHANGED = Symbol('log changed');

/**
 * Ask `question`; LOG_CHANGED when an event after `shownSeq` arrives first, or when `wakeInMs`
 * (real milliseconds) pass. Without `changes` nor a wake-up, a plain select.
 */
export async function selectWhileLive<T>(
  deps: { prompter: Prompter; changes?: LogChanges },
  incidentId: string,
  shownSeq: number,
  question: Omit<SelectQuestion<T>, 'signal'>,
  wakeInMs?: number,
): Promise<T | typeof LOG_CHANGED> {
  if (deps.changes === undefined && wakeInMs === undefined) return deps.prompter.select(question);
  const controller = new AbortController();
  const wake = wakeInMs === undefined ? undefined : setTimeout(() => controller.abort(LOG_CHANGED), Math.max(0, wakeInMs));
  const stop =
    deps.changes === undefined
      ? async () => undefined
      : await deps.changes.watch(
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
    clearTimeout(wake);
    await stop();
  }
}
