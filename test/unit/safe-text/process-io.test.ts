// The output guard sits on the process's own streams, whatever writer main() puts under stdout.
import { describe, expect, it } from 'vitest';
import { processIO } from '../../../src/cli/io.js';

describe('processIO', () => {
  it('passes what stdout gets through the output guard', () => {
    const written: string[] = [];
    const io = processIO({ write: (t) => void written.push(t), isTTY: true });
    io.stdout.write('title\x1b]0;owned\x07 \x1b[1mbold\x1b[22m\n');
    expect(written).toEqual(['title\\x1b]0;owned\\x07 \x1b[1mbold\x1b[22m\n']);
    expect(io.stdout.isTTY).toBe(true);
  });
});
