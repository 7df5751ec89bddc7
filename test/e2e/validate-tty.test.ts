// On a terminal, validating many files shows progress on stderr; the report on stdout is unchanged.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exitCodeOf, hasTmux, startCrisis, type TmuxSession } from '../helpers/tmux.js';
import { binPath, projectRoot, tempDir } from '../helpers/run-cli.js';

const dir = tempDir();
let session: TmuxSession | undefined;
afterAll(() => {
  session?.kill();
  dir.cleanup();
});

describe.runIf(hasTmux() || process.env['CI'] === 'true')('crisis validate on a terminal', () => {
  it('shows a spinner on stderr while many files are validated', async () => {
    const plans = join(dir.path, 'plans');
    mkdirSync(plans);
    const eu = readFileSync(join(projectRoot, 'playbooks/eu/eu-circp.yaml'), 'utf8');
    for (let i = 0; i < 150; i++) writeFileSync(join(plans, `p${i}.yaml`), eu.replace('id: eu-circp', `id: copy-${i}`));
    const out = join(dir.path, 'out.txt');
    const rc = join(dir.path, 'rc');
    // Spinners stay off under CI=true (CI logs are not terminals); this run is a person at a terminal.
    session = startCrisis('crisis-e2e-spinner', `validate '${plans}' > '${out}'`, rc, projectRoot, binPath, { CI: null });
    const screen = await session.waitFor('/150 ', 20_000); // a redraw with the count, not just the first frame
    expect(screen).toMatch(/Validating \d+\/150 /);
    expect(await exitCodeOf(rc)).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('150 files, no problems');
    expect(readFileSync(out, 'utf8')).not.toContain('Validating');
  }, 60_000);
});
