// A connection string as crisis shows it: never with a password, wherever it was in the string.
import { describe, expect, it } from 'vitest';
import { isPostgresUrl, redactUrl, scrub } from '../../src/adapters/postgres/connection-string.js';

describe('connection strings', () => {
  it('tells a team log from a file path', () => {
    expect(isPostgresUrl('postgres://db/crisis')).toBe(true);
    expect(isPostgresUrl('  postgresql://db/crisis')).toBe(true);
    expect(isPostgresUrl('/var/lib/postgres/crisis.db')).toBe(false);
    expect(isPostgresUrl('postgres.db')).toBe(false);
  });

  it('leaves out the password in the user part and in any ...pass... parameter, keeping the rest', () => {
    expect(redactUrl('postgres://ana:s%40cret@db.example:5433/crisis?sslmode=verify-full&password=x&sslpassword=y')).toBe('postgres://ana@db.example:5433/crisis?sslmode=verify-full');
    expect(redactUrl('postgres://ana@db.example/crisis')).toBe('postgres://ana@db.example/crisis');
    expect(redactUrl('postgres://ana:secret@[bad')).not.toContain('secret');
  });

  it('scrubs every form of the password from a driver message, and PGPASSWORD too', () => {
    const url = 'postgres://ana:s%40cret@db.example/crisis?password=other';
    const text = `failed for postgres://ana:s%40cret@db.example/crisis?password=other: s@cret other pg-env`;
    const out = scrub(text, url, { PGPASSWORD: 'pg-env' });
    for (const secret of ['s@cret', 's%40cret', 'other', 'pg-env']) expect(out).not.toContain(secret);
    expect(out).toContain('postgres://ana@db.example/crisis');
  });
});
