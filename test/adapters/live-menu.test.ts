// The walkthrough's own menu prompt: a live region drawn again while it waits, shortcut keys,
// up and down that wrap, Home and End.
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { liveMenu } from '../../src/adapters/live-menu.js';

const choices = [
  { name: 'Done: Confirm the report', value: 'a' },
  { name: 'Show the status', value: 's' },
  { name: 'Show the timeline', value: 't' },
  { name: 'Pause', value: 'p' },
];
const base = { message: 'What now?', choices, pageSize: 10, refreshMs: 20 };

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`${what} did not happen`);
}

describe('liveMenu', () => {
  it('draws the live region again while it waits, without a key', async () => {
    let tick = 0;
    const { answer, events, getScreen } = await render(liveMenu<string>, { ...base, live: () => `CLOCKS due in ${10 - tick++} min\n` });
    const first = getScreen();
    expect(first).toMatch(/CLOCKS due in \d+ min\n\? What now\?/);
    await until(() => getScreen() !== first && /due in [0-7] min/.test(getScreen()), 'a redraw');
    events.keypress('enter');
    await expect(answer).resolves.toBe('a');
  });

  it('wraps up and down, jumps with Home and End, and shows the footer', async () => {
    const { answer, events, getScreen } = await render(liveMenu<string>, { ...base, footer: 'p pause · s status' });
    expect(getScreen()).toContain('p pause · s status');
    events.keypress('up'); // from the first entry to the last
    expect(getScreen()).toContain('❯ Pause');
    events.keypress('down'); // and round again
    expect(getScreen()).toContain('❯ Done: Confirm the report');
    events.keypress('end');
    expect(getScreen()).toContain('❯ Pause');
    events.keypress('home');
    expect(getScreen()).toContain('❯ Done: Confirm the report');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('s');
  });

  it('chooses at once by a shortcut key, and starts on the default entry', async () => {
    const { answer, events, getScreen } = await render(liveMenu<string>, { ...base, default: 't', shortcuts: [{ key: 'p', value: 'p' }] });
    expect(getScreen()).toContain('❯ Show the timeline');
    events.keypress('x'); // not a shortcut: nothing happens
    expect(getScreen()).toContain('❯ Show the timeline');
    events.keypress('p');
    await expect(answer).resolves.toBe('p');
  });

  it('is withdrawn by its signal', async () => {
    const controller = new AbortController();
    const { answer } = await render(liveMenu<string>, { ...base, live: () => 'x\n' }, { signal: controller.signal });
    controller.abort('changed');
    await expect(answer).rejects.toMatchObject({ name: 'AbortPromptError' });
  });
});
