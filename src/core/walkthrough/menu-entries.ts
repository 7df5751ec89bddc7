// The walkthrough's menu: its entries, how many show at once, and the keys one press away.
import type { Action } from '../engine/index.js';
import type { Choice } from '../ports.js';
import { clip } from '../clip.js';
import { safeLine } from '../safe-text/index.js';

/** The pause entry's value. */
export const PAUSE = '__pause__';
const SUGGESTED = '  ◂ suggested';

/** Rows a menu needs at the least: the question, a few entries, the footer. */
export const MENU_ROOM = 7 + 3;

/**
 * Menu entries shown at once: what is left under the step screen and the live head (so the step
 * stays in view), at least 7 and never more than 20, but never so many that the menu and its live
 * head outgrow the terminal (it could not be drawn again in place); the menu scrolls for the rest.
 */
export function menuHeight(entries: number, rowsLeft: number, rowsForMenu: number): number {
  const most = Math.max(3, rowsForMenu - 3); // the question, the footer and the line the cursor rests on
  return Math.min(entries, most, Math.max(7, Math.min(20, rowsLeft - 3)));
}

/** Pause, status and timeline one key away, and the footer that says so. */
export function shortcutsFor(actions: readonly Action[]): { shortcuts: { key: string; value: string }[]; footer: string } {
  const status = actions.find((a) => a.kind === 'view-status');
  const timeline = actions.find((a) => a.kind === 'view-timeline');
  const shortcuts = [{ key: 'p', value: PAUSE }, ...(status ? [{ key: 's', value: status.id }] : []), ...(timeline ? [{ key: 't', value: timeline.id }] : [])];
  const named = [...(status ? ['s status'] : []), ...(timeline ? ['t timeline'] : []), 'p pause'];
  return { shortcuts, footer: `${named.join(' · ')} · ↑↓ move · Home/End · Enter choose` };
}

/** The engine's actions as entries; a suggested one is shortened first so its mark survives clipping. */
export function menu(actions: readonly Action[], tracks: Choice<string>[], resumeHint: string, room: number): Choice<string>[] {
  const choices = actions.map((a) => ({ name: a.suggested ? `${clip(safeLine(a.label), room - SUGGESTED.length)}${SUGGESTED}` : safeLine(a.label), value: a.id }));
  choices.push(...tracks);
  choices.push({ name: `Pause (resume later with ${resumeHint})`, value: PAUSE });
  return choices;
}
