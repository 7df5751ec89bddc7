// Bytes to text, refusing what is not a small UTF-8 text file before any YAML parsing happens.

import type { SourceLimits, SourceProblem } from './source-limits.js';

const utf8 = new TextDecoder('utf-8', { fatal: true }); // strips a leading BOM
const lenient = new TextDecoder('utf-8');

/** Decode a plan file's bytes, or say why they cannot be a plan (too large, binary, not UTF-8). */
export function decodeSource(
  bytes: Uint8Array,
  limits: Pick<SourceLimits, 'maxBytes'>,
): { text: string } | { problem: SourceProblem } {
  if (bytes.length > limits.maxBytes) {
    const message = `file is ${formatSize(bytes.length)}, over the ${formatSize(limits.maxBytes)} limit for a plan file; check that this is the right file or split it`;
    return { problem: { rule: 'yaml/too-large', message, line: 1, column: 1 } };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const message = 'file is encoded as UTF-16; save it as UTF-8';
    return { problem: { rule: 'yaml/encoding', message, line: 1, column: 1 } };
  }
  // A NUL anywhere means binary: say so rather than naming whichever control byte comes first.
  const nul = bytes.indexOf(0);
  const control = nul >= 0 ? nul : findControlByte(bytes);
  if (control >= 0) {
    const at = bytePosition(bytes, control);
    const byte = hex(bytes[control] ?? 0);
    const problem: SourceProblem =
      bytes[control] === 0
        ? { rule: 'yaml/binary', message: `file contains a NUL byte at ${at.line}:${at.column}, so it is binary, not YAML text; check that this is the right file`, ...at }
        : { rule: 'yaml/control-character', message: `control character ${byte} at ${at.line}:${at.column} is not allowed in YAML; remove it`, ...at };
    return { problem };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const bad = findInvalidUtf8(bytes);
    const at = bytePosition(bytes, bad);
    const message = `file is not valid UTF-8: byte ${hex(bytes[bad] ?? 0)} at ${at.line}:${at.column} cannot start or continue a character; save the file as UTF-8`;
    return { problem: { rule: 'yaml/encoding', message, ...at } };
  }
}

/** Offset of the first C0 control byte other than tab, LF and CR (or DEL), or -1. */
function findControlByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return i;
  }
  return -1;
}

/** Offset of the lead byte of the first malformed UTF-8 sequence (bytes.length if none). */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // no overlong forms
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** 1-based line and UTF-16 column of a byte offset, as the decoded text (without BOM) counts them. */
export function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) lineStart = Math.min(3, offset);
  return { line, column: lenient.decode(bytes.subarray(lineStart, offset)).length + 1 };
}

function hex(b: number): string {
  return '0x' + b.toString(16).toUpperCase().padStart(2, '0');
}

function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${n} bytes`;
}
