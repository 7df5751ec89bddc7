// The log holds contacts, notes and evidence: like SSH and GnuPG with their files, crisis makes
// it 0600 and says so when an existing one is open to others.
import { statSync } from 'node:fs';

/** A warning when the database at `path` can be read or written by its group or others; else undefined. */
export function looseModeWarning(path: string): string | undefined {
  if (process.platform === 'win32') return undefined; // mode bits mean nothing there
  let mode: number;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    return undefined; // opening it already said what is wrong
  }
  if ((mode & 0o077) === 0) return undefined;
  const octal = mode.toString(8).padStart(4, '0');
  return `warning: the incident log ${path} is open to its group or others (mode ${octal}); it holds contacts, notes and evidence: chmod 600 '${path}'`;
}
