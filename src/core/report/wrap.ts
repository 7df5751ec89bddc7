// Word wrapping for terminal screens.

/** Wrap text at `width` columns; existing line breaks start new paragraphs; a longer word is cut. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.trim().split(/\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).flatMap((w) => pieces(w, width))) {
      if (line && line.length + word.length + 1 > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

/** A word no wider than `width`, or its pieces (a 10,000-character word must not run off the screen). */
function pieces(word: string, width: number): string[] {
  if (word.length <= width || width < 1) return [word];
  const chars = Array.from(word); // by code point: a cut never splits a surrogate pair
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

// SGR colour sequences, which take no room on screen.
const SGR = /\x1b\[[0-9;]*m/g;

/** Columns a (possibly coloured) line takes on a terminal, counting each code unit as one. */
export function visibleLength(line: string): number {
  return line.replace(SGR, '').length;
}

/** Join already-styled parts with `separator`, starting a new line where the next would not fit. */
export function packParts(parts: readonly string[], width: number, separator = ' · '): string[] {
  const out: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line && visibleLength(line) + visibleLength(separator) + visibleLength(part) > width) {
      out.push(line);
      line = part;
    } else line = line ? `${line}${separator}${part}` : part;
  }
  if (line) out.push(line);
  return out;
}
