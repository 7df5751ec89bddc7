// `crisis graph` as a plan team and a responder use it: a plan file or a bundled plan's id, each
// format, lanes by role, an incident's path from the log, and clear errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/run-cli.js';

const dir = tempDir('crisis-graph-e2e-');
afterAll(() => dir.cleanup());
const db = join(dir.path, 'log.db');

describe('crisis graph', () => {
  it('prints Mermaid by default, from a plan file', async () => {
    const r = await runCli(['graph', 'playbooks/national/example-northland.yaml']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^flowchart LR\n/);
    expect(r.stdout).toContain('subgraph L0["Technical');
    // The Union options start tracks in the EU plan's own lane, beside the national track.
    expect(r.stdout).toContain('subgraph L3["EU Cybersecurity Incident and Crisis Response Plan"]');
    expect(r.stdout).toMatch(/-\.->\|"new track"\| n\d+\n[\s\S]*class [\w,]+ external/);
  });

  it('takes a bundled plan by its id, in dot or svg, with lanes by role', async () => {
    const dot = await runCli(['graph', 'eu-circp', '--format', 'dot', '--lanes', 'role']);
    expect(dot.exitCode).toBe(0);
    expect(dot.stdout).toMatch(/^digraph plan \{/);
    expect(dot.stdout).toContain('label="National CSIRT');
    const svg = await runCli(['graph', 'eu-circp', '--format', 'svg']);
    expect(svg.stdout).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('overlays the path an incident took, and writes it to a file', async () => {
    const run = await runCli(['exercise', 'run', 'playbooks/exercises/ddos-national.yaml', '--db', db, '--format', 'json']);
    expect(run.exitCode).toBe(0);
    const id = /as incident (ex-[\w-]+)/.exec(run.stderr)?.[1] ?? '';
    const plan = (JSON.parse(run.stdout) as { exercise: { plan: { id: string } } }).exercise.plan.id;
    const out = join(dir.path, 'path.svg');
    expect(plan).toBe('example-southland');
    const planArg = 'playbooks/national/example-southland.yaml';
    const r = await runCli(['graph', planArg, '--format', 'svg', '--incident', id, '--db', db, '-o', out]);
    expect(r.stderr).toContain(`to ${out}`);
    expect(r.exitCode).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain(`incident ${id}`);
    expect(svg).toMatch(/class="node [a-z]+ visited/);
    expect(svg).toMatch(/class="edge taken"/);
    const mermaid = await runCli(['graph', planArg, '--incident', id, '--db', db]);
    expect(mermaid.stdout).toMatch(/\n {2}class n\d+(,n\d+)* visited\n/);
    expect(mermaid.stdout).toMatch(/\n {2}linkStyle \d+/);
  });

  it('says so when the incident never was in the plan, or the plan is missing', async () => {
    const missing = await runCli(['graph', 'no-such-plan.yaml']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/no-such-plan\.yaml/);
    const unknown = await runCli(['graph', 'eu-circp', '--incident', 'inc-nope', '--db', db]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/no incident inc-nope/);
    const bad = await runCli(['graph', 'eu-circp', '--format', 'png']);
    expect(bad.exitCode).toBe(2);
  });
});
