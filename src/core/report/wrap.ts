// Word wrapping for terminal screens.

/** Wrap text at `width` columns; existing line breaks start new paragraphs. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.trim().split(/\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      if (line && line.length + word.length + 1 > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}
