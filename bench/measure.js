// How the bench times a command: a child process under /usr/bin/time (CPU and peak memory),
// runs of two commands alternating so that drift on a shared machine hits both alike.
import { spawnSync } from 'node:child_process';

/** One run: wall ms, CPU ms (user + system), peak resident MB. */
export function runOnce({ argv, env, input }) {
  const began = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S %M', ...argv], {
    encoding: 'utf8',
    stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...env },
    ...(input === undefined ? {} : { input }),
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - began;
  const last = run.stderr.trim().split('\n').at(-1) ?? '';
  const [user, system, rssKb] = last.split(' ').map(Number);
  if (!Number.isFinite(rssKb)) throw new Error(`cannot time ${argv.join(' ')}: ${run.stderr.slice(0, 500)}`);
  // Exit 1 (findings) is a normal result here; 2 or a signal is a broken bench.
  if (run.status !== 0 && run.status !== 1) throw new Error(`${argv.join(' ')} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  return { wall, cpu: (user + system) * 1000, rss: rssKb / 1024 };
}

/** Run `a` and `b` alternately `runs` times each (after one warm-up of each); every sample kept. */
export function sideBySide(a, b, runs) {
  runOnce(a(0));
  runOnce(b(0));
  const sa = [];
  const sb = [];
  for (let i = 1; i <= runs; i++) {
    sa.push(runOnce(a(i)));
    sb.push(runOnce(b(i)));
  }
  return { a: summary(sa), b: summary(sb) };
}

/** Median and spread (min-max) of each measure. */
export function summary(samples) {
  const of = (key) => {
    const xs = samples.map((s) => s[key]).sort((x, y) => x - y);
    return { median: xs[Math.floor((xs.length - 1) / 2)], min: xs[0], max: xs.at(-1) };
  };
  return { wall: of('wall'), cpu: of('cpu'), rss: of('rss'), runs: samples.length };
}
