// The Prompter port on @inquirer/prompts; Ctrl+C becomes the typed Cancelled error. Every text it
// shows passes safeLine: a question or an entry can hold plan text, and inquirer prints it raw.
import { confirm, input, select } from '@inquirer/prompts';
import { Cancelled } from '../core/errors.js';
import type { Prompter, SelectQuestion } from '../core/ports.js';
import { liveMenu } from './live-menu.js';
import { guardOutput, safeLine } from '../core/safe-text/index.js';

/** How often a live menu draws its clocks again: often enough that a countdown never lies by a minute. */
const LIVE_REFRESH_MS = 2_000;

/** A prompter for a real terminal. `resumeHint` is told to the user when they press Ctrl+C. */
export function createInquirerPrompter(resumeHint: () => string): Prompter {
  const guard = async <T>(ask: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      // Withdrawn by the caller (the log changed under the menu): its reason, not a Ctrl+C.
      if (signal?.aborted === true) throw signal.reason;
      // @inquirer/core's error classes are not re-exported; they set .name.
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) {
        throw new Cancelled(resumeHint());
      }
      throw error;
    }
  };
  return {
    select: <T>(q: SelectQuestion<T>) =>
      guard(() =>
        q.live !== undefined || q.shortcuts !== undefined ? liveMenu<T>({
          message: q.message,
          choices: q.choices,
          ...(q.default === undefined ? {} : { default: q.default }),
          pageSize: q.pageSize ?? 15,
          ...(q.live === undefined ? {} : { live: () => guardOutput(q.live?.() ?? '') }),
          refreshMs: LIVE_REFRESH_MS,
          ...(q.shortcuts === undefined ? {} : { shortcuts: q.shortcuts }),
          ...(q.footer === undefined ? {} : { footer: safeLine(q.footer) }),
        }, q.signal === undefined ? undefined : { signal: q.signal }) :
        select<T>({
          message: safeLine(q.message),
          choices: q.choices.map((c) => ({
            name: safeLine(c.name),
            value: c.value,
            ...(c.description === undefined ? {} : { description: safeLine(c.description) }),
            ...(c.disabled === undefined ? {} : { disabled: c.disabled }),
          })),
          ...(q.default === undefined ? {} : { default: q.default }),
          pageSize: q.pageSize ?? 15,
          loop: false,
        }, q.signal === undefined ? undefined : { signal: q.signal }),
        q.signal,
      ),
    input: (q) =>
      guard(() =>
        input({
          message: safeLine(q.message),
          ...(q.default === undefined ? {} : { default: q.default }),
          required: q.required ?? false,
          ...(q.validate === undefined ? {} : { validate: q.validate }),
        }),
      ),
    confirm: (q) => guard(() => confirm({ message: safeLine(q.message), default: q.default ?? false })),
  };
}
