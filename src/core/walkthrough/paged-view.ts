// A long text (the timeline of a busy incident, the status) on a terminal of any size: wrapped by
// words with each continuation indented, then shown a page at a time, so nothing scrolls away.
import type { Prompter, Screen } from '../ports.js';
import { visibleLength, wrap } from '../report/wrap.js';

const NEXT = 'next';
const PREVIOUS = 'previous';
const BACK = 'back';

/** The text's lines wrapped to `width`, a continuation under the first word after the line's indent. */
export function wrapLines(text: string, width: number): string[] {
  return text.replace(/\n$/, '').split('\n').flatMap((line) => {
    if (visibleLength(line) <= width) return [line];
    const indent = ' '.repeat(Math.min(12, /^ */.exec(line)?.[0].length ?? 0) + 4);
    const [first = '', ...rest] = wrap(line, width);
    return [first, ...rest.flatMap((l) => wrap(l, width - indent.length)).map((l) => indent + l)];
  });
}

/** Show `text` page by page; returns when the responder goes back to the step. */
export async function showPaged(deps: { screen: Screen; prompter: Prompter }, text: string): Promise<void> {
  const lines = wrapLines(text, Math.max(40, deps.screen.columns - 1));
  const perPage = Math.max(5, deps.screen.rows - 6); // the question, its entries and the footer
  const pages = Math.max(1, Math.ceil(lines.length / perPage));
  let page = pages - 1; // the latest events first: a timeline is read from its end
  for (;;) {
    deps.screen.clear();
    deps.screen.write(lines.slice(page * perPage, (page + 1) * perPage).join('\n') + '\n');
    const choices = [
      { name: 'Back to the step', value: BACK },
      ...(page > 0 ? [{ name: `Earlier page (${page} of ${pages})`, value: PREVIOUS }] : []),
      ...(page < pages - 1 ? [{ name: `Later page (${page + 2} of ${pages})`, value: NEXT }] : []),
    ];
    const message = pages === 1 ? 'Back to the step' : `Page ${page + 1} of ${pages}: back to the step, or turn the page`;
    const chosen = await deps.prompter.select<string>({ message, choices, shortcuts: [{ key: 'b', value: BACK }, ...(page > 0 ? [{ key: 'e', value: PREVIOUS }] : []), ...(page < pages - 1 ? [{ key: 'l', value: NEXT }] : [])], footer: 'b back · e earlier page · l later page' });
    if (chosen === BACK) return;
    page += chosen === NEXT ? 1 : -1;
  }
}
