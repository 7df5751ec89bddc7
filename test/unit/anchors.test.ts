import { describe, expect, it } from 'vitest';
import { formatAnchor, parseAnchor } from '../../src/core/anchors.js';

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
