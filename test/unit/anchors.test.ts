import { describe, expect, it } from 'vitest';
import { findAnchor, formatAnchor, parseAnchor } from '../../src/core/anchors.js';

const hash = 'ab'.repeat(32);

describe('parseAnchor', () => {
  it('takes what verify prints, with or without the sha256: prefix, in any case', () => {
    expect(parseAnchor(formatAnchor(hash))).toEqual({ hex: hash });
    expect(parseAnchor(` ${hash.toUpperCase()} `)).toEqual({ hex: hash });
    expect(parseAnchor('sha256:' + hash.slice(0, 16))).toEqual({ hex: hash.slice(0, 16) });
  });

  it.each(['', 'xyz', 'sha256:', hash.slice(0, 15), hash + 'a', 'g'.repeat(20)])('refuses %j with a message that says what to give', (text) => {
    const out = parseAnchor(text);
    expect(out).toHaveProperty('error');
    expect('error' in out && out.error).toMatch(/at least 16 hex digits/);
  });
});

describe('findAnchor', () => {
  const chain = [
    { incidentId: 'a', seq: 1, hash: '1'.repeat(64) },
    { incidentId: 'a', seq: 2, hash: hash },
  ];
  it('finds the link whose hash starts with the anchor', () => {
    expect(findAnchor(hash.slice(0, 20), chain)).toEqual({ incidentId: 'a', seq: 2, hash });
  });
  it('finds nothing when no hash starts with it', () => {
    expect(findAnchor('2'.repeat(16), chain)).toBeUndefined();
  });
});
