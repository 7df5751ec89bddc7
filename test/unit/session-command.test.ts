// The command lines given back to a responder name the log when it is not the default one.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandFor } from '../../src/cli/session.js';
import type { CliIO } from '../../src/cli/io.js';

const io = (env: Record<string, string | undefined>, cwd = '/work'): CliIO => ({
  stdout: { write: () => undefined, isTTY: false },
  stderr: { write: () => undefined, isTTY: false },
  stdinIsTTY: false,
  env,
  cwd,
});

describe('commandFor', () => {
  it('leaves --db out for the default log', () => {
    const standard = join(homedir(), '.local', 'share', 'crisis', 'crisis.db');
    expect(commandFor(io({}), standard, 'respond --incident inc-1')).toBe('crisis respond --incident inc-1');
  });

  it('names any other log, absolute and quoted as a shell reads it', () => {
    expect(commandFor(io({}), 'logs/night shift.db', 'respond --incident inc-1')).toBe("crisis respond --incident inc-1 --db '/work/logs/night shift.db'");
    // $CRISIS_DB may not be set in the shell that resumes: the path is named all the same.
    expect(commandFor(io({ CRISIS_DB: '/srv/c.db' }), '/srv/c.db', 'log export inc-1 --format md')).toBe('crisis log export inc-1 --format md --db /srv/c.db');
  });

  it('names a team log by its connection string without the password, and not at all when $CRISIS_DB names it', () => {
    expect(commandFor(io({}), 'postgres://ana@db.example/crisis', 'respond --incident inc-1')).toBe('crisis respond --incident inc-1 --db postgres://ana@db.example/crisis');
    const env = { CRISIS_DB: 'postgres://ana:s3cret@db.example/crisis' };
    expect(commandFor(io(env), 'postgres://ana@db.example/crisis', 'respond --incident inc-1')).toBe('crisis respond --incident inc-1');
  });
});
