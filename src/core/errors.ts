// Typed errors that carry the exit code the CLI maps them to. Only src/cli/main.ts exits.

export const ExitCode = {
  ok: 0,
  problems: 1, // the command ran and found problems
  usage: 2, // usage or environment error
  cancelled: 130, // Ctrl+C
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Base class: a message meant for the user, one sentence, and the exit code it leads to. */
export class CrisisError extends Error {
  readonly exitCode: ExitCodeValue;
  constructor(message: string, exitCode: ExitCodeValue, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad flag, missing or unreadable file, unusable database, no terminal: exit 2. */
export class UsageError extends CrisisError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.usage, options);
  }
}

/** The command ran and found problems (invalid plan, failed exercise, broken chain): exit 1. */
export class ProblemsFound extends CrisisError {
  constructor(message = '') {
    super(message, ExitCode.problems);
  }
}

/** The user pressed Ctrl+C at a prompt: exit 130, with a hint on how to resume. */
export class Cancelled extends CrisisError {
  constructor(message: string) {
    super(message, ExitCode.cancelled);
  }
}

/** Someone appended to the incident after the state a choice was based on: decide again. */
export class LogConflict extends CrisisError {
  constructor(message: string) {
    super(message, ExitCode.usage);
  }
}

/** The log's server cannot be reached (gone during a walkthrough, or never there): exit 2. */
export class LogUnavailable extends UsageError {}
