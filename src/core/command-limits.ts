// Bounds on a step's command, shared by validate (which rejects plans outside them), the
// walkthrough (which shows them) and the runner (which clamps again, in case a plan skipped validate).

/** A command with no run.timeout is stopped after 5 minutes. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 5 * 60_000;

/** The longest run.timeout a plan may give: PT1H. Longer work is not a step command. */
export const MAX_COMMAND_TIMEOUT_MS = 60 * 60_000;

/** After SIGTERM, how long the command's process group has before SIGKILL. */
export const KILL_GRACE_MS = 2_000;

/** The variables every command gets from the responder's environment; a plan names any others in run.env. */
export const BASE_ENV = ['PATH', 'HOME', 'LANG', 'LC_*', 'TERM', 'TZ'] as const;

/** A timeout clamped to (0, MAX]: an overflowing value must never become setTimeout's 1 ms. */
export function clampTimeout(ms: number | undefined): number {
  if (ms === undefined || Number.isNaN(ms) || ms <= 0) return DEFAULT_COMMAND_TIMEOUT_MS;
  return Math.min(Math.round(ms), MAX_COMMAND_TIMEOUT_MS);
}
