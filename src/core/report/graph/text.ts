// Plain words the renderers share: a clock as one line, a label cut to a readable length.
import type { GraphClock } from './model.js';

/** "Early warning: within PT24H from awareness (NIS2 Art. 23(4)(a))". */
export function clockLine(c: GraphClock, withBasis = true): string {
  const within = c.within === undefined ? 'when the request says' : `within ${c.within}`;
  return `${c.title}: ${within} from ${c.starts}${withBasis ? ` (${c.basis})` : ''}`;
}

/** At most `max` characters, with an ellipsis when cut (a diagram label is not the place for a paragraph). */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Words in lines of at most `width` characters, at most `lines` of them (the last one clipped). */
export function wrapWords(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if ([...candidate].length <= width || line === '') line = candidate;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line !== '') out.push(line);
  if (out.length <= lines) return out.map((l) => clip(l, width));
  const kept = out.slice(0, lines);
  kept[lines - 1] = clip(`${kept[lines - 1] ?? ''} ${out.slice(lines).join(' ')}`, width);
  return kept.map((l) => clip(l, width));
}
