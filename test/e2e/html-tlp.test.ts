// The HTML reports and TLP: marked as strictly as what they hold, and shared at a lower level only
// where they can leave out what that level may not carry (no chromium needed: the marking is text).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir('crisis-html-tlp-');
afterAll(() => dir.cleanup());
const db = join(dir.path, 'log.db');
const exercise = 'playbooks/exercises/ddos-national.yaml';
const marking = (html: string): string | undefined => /<meta name="tlp" content="([^"]+)"/.exec(html)?.[1];
let incident = '';

beforeAll(async () => {
  const run = await runCli(['exercise', 'run', exercise, '--db', db, '--format', 'json']);
  expect(run.exitCode).toBe(0);
  incident = /as incident (ex-[\w-]+)/.exec(run.stderr)?.[1] ?? '';
}, 60_000);

describe('HTML reports and TLP', () => {
  it('marks an incident report with the strictest marking it holds, or with the level asked when nothing is above it', async () => {
    const whole = await runCli(['log', 'export', incident, '--db', db, '--format', 'html']);
    expect(whole.exitCode).toBe(0);
    expect(marking(whole.stdout)).toBe('TLP:AMBER'); // the plan's NIS2 reports are AMBER
    const red = await runCli(['log', 'export', incident, '--db', db, '--format', 'html', '--tlp', 'RED']);
    expect(red.exitCode).toBe(0);
    expect(marking(red.stdout)).toBe('TLP:RED');
  });

  it('refuses to share an incident report below what it holds, and names the formats that can', async () => {
    const r = await runCli(['log', 'export', incident, '--db', db, '--format', 'html', '--tlp', 'CLEAR']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('holds TLP:AMBER, above TLP:CLEAR; share it at TLP:CLEAR as md, json, jsonl or csv');
  });

  it('shares an exercise report at a lower level without the path and decisions drawn from the whole run', async () => {
    const out = join(dir.path, 'clear.html');
    const r = await runCli(['exercise', 'run', exercise, '--format', 'html', '--tlp', 'CLEAR', '-o', out]);
    expect(r.exitCode).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(marking(html)).toBe('TLP:CLEAR');
    expect(html).toContain('<section id="timeline"');
    expect(html).not.toContain('<section id="path"');
    expect(html).not.toContain('<section id="decisions"');
    const whole = await runCli(['exercise', 'run', exercise, '--format', 'html']);
    expect(marking(whole.stdout)).toBe('TLP:AMBER');
    expect(whole.stdout).toContain('<section id="path"');
  });
});
