// The bench makes its own data: plan repositories, logs of many events, long exercises.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** `count` EU-sized plans (the bundled EU plan under other ids) in a new folder. */
export function planFolder(root, dir, count) {
  const eu = readFileSync(join(root, 'playbooks/eu/eu-circp.yaml'), 'utf8');
  const folder = join(dir, `plans-${count}`);
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(folder, `plan-${i}.yaml`), eu.replace('\n  id: eu-circp\n', `\n  id: bench-${i}\n`));
  return folder;
}

/** A log with one incident on the EU plan: its opening events, `notes` notes and one more by `crisis note`. */
export async function logWithNotes(root, dir, notes) {
  const { openEventLog } = await import(join(root, 'dist/adapters/sqlite/sqlite-event-log.js'));
  const { openIncident } = await import(join(root, 'dist/core/engine/index.js'));
  const { parse } = await import('yaml');
  const text = readFileSync(join(root, 'playbooks/eu/eu-circp.yaml'), 'utf8');
  const plans = new Map([['eu-circp', parse(text)]]);
  const path = join(dir, `log-${notes}.db`);
  const log = openEventLog(path);
  const start = Date.now() - 48 * 3600_000;
  const at = new Date(start);
  const events = openIncident(plans, { planId: 'eu-circp', title: 'Bench incident', awareness: at, at, actor: 'bench' });
  await log.createIncident({ id: 'inc-bench', title: 'Bench incident', planId: 'eu-circp', createdAt: at.toISOString(), plans: [{ planId: 'eu-circp', text }], events });
  const batch = 10_000;
  for (let done = 0; done < notes; done += batch) {
    const n = Math.min(batch, notes - done);
    const chunk = Array.from({ length: n }, (_, i) => ({ type: 'note-added', text: `note ${done + i}: called the operator back`, at: new Date(start + 1000 + done + i).toISOString(), actor: 'bench' }));
    await log.appendAll('inc-bench', chunk);
  }
  await log.close();
  // Left as crisis leaves a log it wrote: a writer keeps a replay checkpoint every 64 events.
  execFileSync('node', [join(root, 'bin/crisis.js'), 'note', '--db', path, 'bench: the log is ready'], { env: { ...process.env, CRISIS_RESPONDER: 'bench' }, stdio: 'ignore' });
  return path;
}

/** The ddos-national exercise grown to `injects` injects and `entries` script entries (notes added). */
export function longExercise(root, dir, injects, entries) {
  const { parse, stringify } = yamlSync(root);
  const exercise = parse(readFileSync(join(root, 'playbooks/exercises/ddos-national.yaml'), 'utf8'));
  for (let i = exercise.injects.length; i < injects; i++) {
    exercise.injects.push({ id: `extra-${i}`, at: `PT${10 + i}M`, title: `Situation update ${i}`, message: `Update ${i}: traffic still filtered upstream.` });
  }
  const close = exercise.script.pop();
  for (let i = exercise.script.length; i < entries - 1; i++) exercise.script.push({ at: 'P13D', do: 'note', text: `Log entry ${i} from the exercise floor.` });
  exercise.script.push(close);
  exercise.metadata.id = `bench-${injects}-${entries}`;
  const file = join(dir, `exercise-${injects}-${entries}.yaml`);
  writeFileSync(file, stringify(exercise, { lineWidth: 0 }));
  return file;
}

// The bench is plain JS: yaml comes from the project's own node_modules.
function yamlSync(root) {
  return createRequire(join(root, 'package.json'))('yaml');
}
