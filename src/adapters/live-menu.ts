// The walkthrough's menu as an @inquirer/core prompt of our own: above the question, a live region
// (clocks, the exercise time) drawn again every few seconds while the responder thinks; shortcut
// keys (pause, status, timeline) one key away; up and down wrap; Home and End jump.
import { createPrompt, isDownKey, isEnterKey, isUpKey, useEffect, useKeypress, usePagination, useState } from '@inquirer/core';
import type { Choice } from '../core/ports.js';
import { safeLine } from '../core/safe-text/index.js';

export interface LiveMenuConfig<T> {
  message: string;
  choices: readonly Choice<T>[];
  default?: T;
  pageSize: number;
  /** Lines above the question, recomputed at each redraw (the text is made safe by the caller). */
  live?: () => string;
  /** Real milliseconds between redraws of the live region. */
  refreshMs: number;
  /** A key (one lower-case letter) that chooses an entry at once. */
  shortcuts?: readonly { key: string; value: T }[];
  /** A line under the menu (the shortcut keys). */
  footer?: string;
}

function selectable<T>(c: Choice<T>): boolean {
  return c.disabled === undefined || c.disabled === false;
}

/** Index of the next selectable entry from `from` in direction `step`, wrapping; `from` itself when none. */
function nextIndex<T>(choices: readonly Choice<T>[], from: number, step: 1 | -1): number {
  for (let i = 1; i <= choices.length; i++) {
    const at = (from + step * i + choices.length * i) % choices.length;
    const c = choices[at];
    if (c && selectable(c)) return at;
  }
  return from;
}

function firstFrom<T>(choices: readonly Choice<T>[], start: number, step: 1 | -1): number {
  for (let i = start; i >= 0 && i < choices.length; i += step) {
    const c = choices[i];
    if (c && selectable(c)) return i;
  }
  return start;
}

const view = <T>(config: LiveMenuConfig<T>, done: (value: T) => void): string => {
  const { choices } = config;
  const initial = Math.max(0, config.default === undefined ? -1 : choices.findIndex((c) => c.value === config.default && selectable(c)));
  const [active, setActive] = useState(initial === 0 && choices[0] && !selectable(choices[0]) ? firstFrom(choices, 0, 1) : initial);
  const [answered, setAnswered] = useState(false);
  const [, setTick] = useState(0);

  useEffect(() => {
    if (config.live === undefined) return undefined;
    const timer = setInterval(() => setTick((n) => n + 1), config.refreshMs);
    timer.unref();
    return () => clearInterval(timer);
  }, []);

  const choose = (index: number): void => {
    const c = choices[index];
    if (!c || !selectable(c)) return;
    setActive(index);
    setAnswered(true);
    done(c.value);
  };

  useKeypress((key) => {
    if (answered) return;
    if (isEnterKey(key)) choose(active);
    else if (isUpKey(key)) setActive(nextIndex(choices, active, -1));
    else if (isDownKey(key)) setActive(nextIndex(choices, active, 1));
    else if (key.name === 'home' || key.name === 'pageup') setActive(firstFrom(choices, 0, 1));
    else if (key.name === 'end' || key.name === 'pagedown') setActive(firstFrom(choices, choices.length - 1, -1));
    else if (!key.ctrl) {
      const hit = config.shortcuts?.find((s) => s.key === key.name);
      if (hit) choose(choices.findIndex((c) => c.value === hit.value));
    }
  });

  const question = `? ${safeLine(config.message)}`;
  if (answered) return `${question} ${safeLine(choices[active]?.name ?? '')}`;
  const page = usePagination({
    items: choices,
    active,
    pageSize: config.pageSize,
    loop: false,
    renderItem: ({ item, isActive }) => {
      const name = safeLine(item.name);
      if (!selectable(item)) return `  ${name} (${typeof item.disabled === 'string' ? safeLine(item.disabled) : 'not now'})`;
      return isActive ? `❯ ${name}` : `  ${name}`;
    },
  });
  const description = choices[active]?.description;
  const below = [page, ...(description ? [safeLine(description)] : []), ...(config.footer ? [config.footer] : [])].join('\n');
  const live = config.live?.() ?? '';
  return `${live}${question}\n${below}\u001b[?25l`; // the cursor hidden, as in inquirer's own select
};

/** The live menu prompt; with `signal`, aborting it withdraws the question. */
export const liveMenu = createPrompt(view) as <T>(config: LiveMenuConfig<T>, context?: { signal?: AbortSignal }) => Promise<T> & { cancel: () => void };
