// Anchors: chain hashes a responder kept outside the log (in a ticket, an email, a printed
// report). Anyone with write access can rewrite the log and recompute its chain, but not
// without changing every hash after the first rewritten event, so a kept hash that is still
// in an intact chain proves nothing up to it changed.

const PREFIX = 'sha256:';
const MIN_HEX = 16; // 64 bits: still unguessable, short enough to read out over a phone

/** How a chain position is written for people to keep: `sha256:` and the full hex digest. */
export function formatAnchor(hash: string): string {
  return `${PREFIX}${hash}`;
}

/** The hex digest (or leading part of it) an anchor names, or an error message for the user. */
export function parseAnchor(text: string): { hex: string } | { error: string } {
  const raw = text.trim().toLowerCase();
  const hex = raw.startsWith(PREFIX) ? raw.slice(PREFIX.length) : raw;
  if (!/^[0-9a-f]+$/.test(hex) || hex.length < MIN_HEX || hex.length > 64) {
    return { error: `'${text}' is not a chain hash: give the sha256:… value crisis log verify printed (at least ${MIN_HEX} hex digits)` };
  }
  return { hex };
}
