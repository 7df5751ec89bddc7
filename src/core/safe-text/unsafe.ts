// Which characters may never reach an output as they are. Text from plans, exercises and the log
// is hostile: a control character can move the cursor, set the window title (OSC 0), write the
// clipboard (OSC 52), hide text (SGR 8) or fake a link (OSC 8); a bidi control can reverse what
// the reader sees (Trojan Source); zero-width and tag characters hide text in plain sight.

/** True for a code point that must be shown as an escape, never written raw (tab and newline included). */
export function isUnsafeCodePoint(cp: number): boolean {
  return (
    cp < 0x20 || // C0 controls, ESC among them
    (cp >= 0x7f && cp <= 0x9f) || // DEL and C1 controls (0x9b is a one-byte CSI)
    cp === 0xad || // soft hyphen: invisible
    cp === 0x034f || // combining grapheme joiner
    cp === 0x061c || // Arabic letter mark (bidi)
    cp === 0x115f ||
    cp === 0x1160 || // Hangul fillers: blank
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    cp === 0x180e || // Mongolian vowel separator
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/joiners, LRM, RLM
    (cp >= 0x2028 && cp <= 0x202e) || // line/paragraph separators, bidi embeddings and overrides
    (cp >= 0x2060 && cp <= 0x206f) || // word joiner, invisible operators, bidi isolates, deprecated formats
    cp === 0x3164 || // Hangul filler
    cp === 0xfeff || // BOM / zero-width no-break space
    cp === 0xffa0 ||
    (cp >= 0xfff9 && cp <= 0xfffb) || // interlinear annotation
    (cp >= 0xd800 && cp <= 0xdfff) || // a lone surrogate (a paired one is read as its code point)
    (cp >= 0xe0000 && cp <= 0xe007f) // tag characters: invisible ASCII
  );
}

/**
 * A fast first look for the output guard: matches any UTF-16 unit that could belong to an unsafe
 * code point other than tab and newline, which the guard keeps as layout (surrogates included, so
 * tag characters and lone surrogates are caught, and paired ones too); only then is the text read
 * code point by code point.
 */
export const MAYBE_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\ud800-\udfff]/;

/** The escape a reader sees for an unsafe code point: `\n`, `\x1b`, `\u202e`, `\u{e0041}`. */
export function escapeCodePoint(cp: number): string {
  switch (cp) {
    case 0x09:
      return '\\t';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
  }
  if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\u{${cp.toString(16)}}`;
}

/** True when the text holds anything isUnsafeCodePoint refuses (newline and tab count). */
export function hasUnsafe(text: string): boolean {
  for (const ch of text) if (isUnsafeCodePoint(ch.codePointAt(0) ?? 0)) return true;
  return false;
}
