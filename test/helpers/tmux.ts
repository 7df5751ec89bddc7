// Drive a command in a real terminal (tmux): wait for text, pick menu entries, type.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether tmux can be used on this machine. */
export function hasTmux(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export class TmuxSession {
  private constructor(readonly name: string) {}

  /** Start `command` (a shell line) in a detached terminal, 120x50 unless `size` says otherwise. */
  static start(name: string, command: string, env: Record<string, string | null> = {}, size: { columns: number; rows: number } = { columns: 120, rows: 50 }): TmuxSession {
    // null unsets a variable (tools such as ora look at whether CI is set at all).
    const exports = Object.entries(env)
      .map(([k, v]) => (v === null ? `unset ${k};` : `export ${k}='${v.replace(/'/g, `'\\''`)}';`))
      .join(' ');
    // Suffixed with the process id: test runs in two checkouts at once must not share a terminal.
    const session = new TmuxSession(`${name}-${process.pid}`);
    session.kill();
    execFileSync('tmux', ['new-session', '-d', '-s', session.name, '-x', String(size.columns), '-y', String(size.rows), 'sh', '-c', `${exports} ${command}`]);
    return session;
  }

  capture(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.name]).toString();
  }

  /** Wait until the screen contains `text`; fail with the screen when it does not. */
  async waitFor(text: string, timeoutMs = 15_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.capture();
      if (screen.includes(text)) return screen;
      if (Date.now() > until) throw new Error(`"${text}" did not appear; screen:\n${screen}`);
      await sleep(100);
    }
  }

  keys(...keys: string[]): void {
    execFileSync('tmux', ['send-keys', '-t', this.name, ...keys]);
  }

  type(text: string): void {
    execFileSync('tmux', ['send-keys', '-t', this.name, '-l', text]);
  }

  /** In the select prompt on screen, move to the entry containing `label` and press Enter. */
  async choose(label: string): Promise<void> {
    const screen = await this.waitFor('❯');
    const lines = screen.split('\n');
    const question = lines.map((l, i) => (l.startsWith('? ') ? i : -1)).filter((i) => i >= 0).at(-1) ?? 0;
    const menu = lines.slice(question + 1);
    const cursor = menu.findIndex((l) => l.startsWith('❯'));
    const target = menu.findIndex((l) => (l.startsWith('❯') || l.startsWith('  ')) && l.includes(label));
    if (cursor < 0 || target < 0) throw new Error(`no menu entry "${label}"; screen:\n${screen}`);
    const steps = target - cursor;
    for (let i = 0; i < Math.abs(steps); i++) this.keys(steps > 0 ? 'Down' : 'Up');
    await sleep(150);
    this.keys('Enter');
    await sleep(250);
  }

  /** The process ids of the programs the terminal's shell started (the crisis command while it runs). */
  children(): number[] {
    const shell = execFileSync('tmux', ['display-message', '-p', '-t', this.name, '#{pane_pid}']).toString().trim();
    try {
      return execFileSync('ps', ['-o', 'pid=', '--ppid', shell]).toString().split('\n').map((l) => Number(l.trim())).filter((n) => n > 0);
    } catch {
      return []; // ps exits 1 when there is none
    }
  }

  kill(): void {
    try {
      execFileSync('tmux', ['kill-session', '-t', this.name], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
}

/** Run `crisis ARGS` (a shell-quoted argument line) in a terminal; its exit code lands in rcFile. */
export function startCrisis(name: string, args: string, rcFile: string, cwd: string, bin: string, env: Record<string, string | null> = {}, size?: { columns: number; rows: number }): TmuxSession {
  rmSync(rcFile, { force: true });
  const line = `cd '${cwd}' && node '${bin}' ${args}; echo $? > '${rcFile}'; sleep 30`;
  // $PAGER unset unless a test sets it: the timeline and status are then paged on the screen itself.
  return TmuxSession.start(name, line, { NO_COLOR: '1', TERM: 'xterm-256color', PAGER: null, ...env }, size);
}

/** The exit code a startCrisis run wrote, once it has finished (generous: a shared CI machine is slow). */
export async function exitCodeOf(rcFile: string, timeoutMs = 45_000): Promise<number> {
  for (let waited = 0; waited < timeoutMs && !existsSync(rcFile); waited += 100) await sleep(100);
  return Number(readFileSync(rcFile, 'utf8').trim());
}
