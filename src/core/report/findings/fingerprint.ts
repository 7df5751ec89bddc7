// A finding's identity across runs, for code hosts that track findings (SARIF
// partialFingerprints, GitLab Code Quality): the rule, the file and the JSON pointer, not the line,
// so adding lines above a finding does not make it a new one. Findings that share all three are
// told apart by their order. FNV-1a (64 bit) is enough to tell findings apart; nothing depends
// on it being hard to forge.

import type { Finding } from '../../findings.js';

const OFFSET = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a over the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let hash = OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}

/** One fingerprint per finding, in order; `path` names the file as the code host does. */
export function fingerprints(findings: readonly Finding[], path: (file: string) => string): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = [f.rule, path(f.file), f.path].join('\0');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return fnv1a64(`${key}\0${n}`);
  });
}
