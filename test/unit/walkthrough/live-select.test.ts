// The menu is withdrawn when the log grows under it, or when the log is lost; never for the
// responder's own, already shown, events.
import { describe, expect, it } from 'vitest';
import { LogUnavailable } from '../../../src/core/errors.js';
import type { Choice, LogChanges, Prompter } from '../../../src/core/ports.js';
import { LOG_CHANGED, selectWhileLive } from '../../../src/core/walkthrough/live-select.js';

/** A prompter whose select waits until answered or withdrawn, as a terminal prompt does. */
class WaitingPrompter implements Prompter {
  answer: ((value: unknown) => void) | undefined;
  async select<T>(q: { choices: readonly Choice<T>[]; signal?: AbortSignal }): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.answer = resolve as (value: unknown) => void;
      q.signal?.addEventListener('abort', () => reject(q.signal?.reason));
    });
  }
  async input(): Promise<string> {
    return '';
  }
  async confirm(): Promise<boolean> {
    return false;
  }
}

/** Changes told by hand: `tell(seq)` as a NOTIFY would, `lose()` as a dropped connection. */
class HandChanges implements LogChanges {
  private change: ((seq: number) => void) | undefined;
  private lost: ((error: Error) => void) | undefined;
  watching = 0;
  constructor(private readonly current: number) {}
  async watch(_id: string, onChange: (seq: number) => void, onLost?: (error: Error) => void): Promise<() => Promise<void>> {
    this.change = onChange;
    this.lost = onLost;
    this.watching += 1;
    onChange(this.current);
    return async () => {
      this.watching -= 1;
    };
  }
  tell(seq: number): void {
    this.change?.(seq);
  }
  lose(): void {
    this.lost?.(new LogUnavailable('the server went away'));
  }
}

const question = { message: 'What now?', choices: [{ name: 'A', value: 'a' }] };
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('selectWhileLive', () => {
  it('returns the answer when nothing new arrives, and stops watching', async () => {
    const prompter = new WaitingPrompter();
    const changes = new HandChanges(3);
    const asked = selectWhileLive({ prompter, changes }, 'inc', 3, question);
    await tick();
    changes.tell(3); // our own event, already on screen
    prompter.answer?.('a');
    expect(await asked).toBe('a');
    expect(changes.watching).toBe(0);
  });

  it('withdraws the menu when a newer event arrives', async () => {
    const prompter = new WaitingPrompter();
    const changes = new HandChanges(3);
    const asked = selectWhileLive({ prompter, changes }, 'inc', 3, question);
    await tick();
    changes.tell(4);
    expect(await asked).toBe(LOG_CHANGED);
  });

  it('does not ask at all when the log grew between reading it and watching it', async () => {
    const prompter = new WaitingPrompter();
    expect(await selectWhileLive({ prompter, changes: new HandChanges(5) }, 'inc', 3, question)).toBe(LOG_CHANGED);
    expect(prompter.answer).toBeUndefined();
  });

  it('rejects with the loss when the log cannot be reached any more', async () => {
    const prompter = new WaitingPrompter();
    const changes = new HandChanges(3);
    const asked = selectWhileLive({ prompter, changes }, 'inc', 3, question);
    await tick();
    changes.lose();
    await expect(asked).rejects.toThrow(LogUnavailable);
  });
});

describe('selectWhileLive with a wake-up', () => {
  it('withdraws the menu when the wake-up comes first, even without changes to watch', async () => {
    const prompter = new WaitingPrompter();
    expect(await selectWhileLive({ prompter }, 'inc', 3, question, 5)).toBe(LOG_CHANGED);
  });

  it('returns the answer given before the wake-up', async () => {
    const prompter = new WaitingPrompter();
    const asked = selectWhileLive({ prompter }, 'inc', 3, question, 60_000);
    await tick();
    prompter.answer?.('a');
    expect(await asked).toBe('a');
  });
});
