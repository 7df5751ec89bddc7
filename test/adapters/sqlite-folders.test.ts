import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEventLog } from '../../src/adapters/sqlite/sqlite-event-log.js';
import { UsageError } from '../../src/core/errors.js';

describe('opening a log where its folder does not exist yet', () => {
  it('creates the missing folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crisis-folders-'));
    try {
      const path = join(dir, 'a', 'b', 'crisis.db');
      openEventLog(path).close();
      expect(existsSync(path)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Node's recursive mkdir never returns for such a path; ours must fail at once with a usage error.
  it.runIf(process.platform === 'linux')('refuses a folder that cannot be created, without hanging', () => {
    expect(() => openEventLog('/proc/crisis-no-such-folder/crisis.db')).toThrow(UsageError);
  });
});
