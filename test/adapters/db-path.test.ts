import { describe, expect, it } from 'vitest';
import { resolveDbPath } from '../../src/adapters/sqlite/db-path.js';

const home = '/home/ana';

describe('resolveDbPath', () => {
  const cases: { name: string; flag?: string; env: Record<string, string>; expected: string }[] = [
    { name: '--db wins over everything', flag: '/x/flag.db', env: { CRISIS_DB: '/x/env.db', XDG_DATA_HOME: '/xdg' }, expected: '/x/flag.db' },
    { name: '$CRISIS_DB when no flag', env: { CRISIS_DB: '/x/env.db', XDG_DATA_HOME: '/xdg' }, expected: '/x/env.db' },
    { name: '$XDG_DATA_HOME/crisis/crisis.db next', env: { XDG_DATA_HOME: '/xdg' }, expected: '/xdg/crisis/crisis.db' },
    { name: '~/.local/share by default', env: {}, expected: '/home/ana/.local/share/crisis/crisis.db' },
    { name: 'an empty flag and env are unset', flag: '', env: { CRISIS_DB: ' ', XDG_DATA_HOME: '' }, expected: '/home/ana/.local/share/crisis/crisis.db' },
    { name: 'a relative XDG_DATA_HOME is ignored', env: { XDG_DATA_HOME: 'rel/data' }, expected: '/home/ana/.local/share/crisis/crisis.db' },
    { name: 'a relative --db is kept as given', flag: 'logs/c.db', env: {}, expected: 'logs/c.db' },
    { name: 'an unexpanded ~/ in $CRISIS_DB', env: { CRISIS_DB: '~/logs/c.db' }, expected: '/home/ana/logs/c.db' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(resolveDbPath({ flag: c.flag, env: c.env, home })).toBe(c.expected);
    });
  }
});
