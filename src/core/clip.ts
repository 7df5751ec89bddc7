// Shortening text for one-line places: messages that quote a value, menu entries.

/** `text` on one line, cut to at most `max` characters with an ellipsis when it was longer. */
export function clip(text: string, max = 60): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  return oneLine.length > max ? oneLine.slice(0, Math.max(0, max - 1)).trimEnd() + '…' : oneLine;
}
