// A command's arguments as a reader would type them in a shell, so what is shown is what runs.
import { escapeCodePoint, hasUnsafe, isUnsafeCodePoint } from './unsafe.js';

/**
 * One argument, quoted: bare when plainly safe, in single quotes otherwise, and in ANSI-C quotes
 * (`$'\x1b[2K'`) when it holds a control, format or bidi character, each shown as its escape.
 */
export function quoteArg(arg: string): string {
  if (arg !== '' && /^[\w@%+=:,./-]+$/.test(arg)) return arg;
  if (!hasUnsafe(arg)) return `'${arg.replace(/'/g, `'\\''`)}'`;
  let out = '';
  for (const ch of arg) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isUnsafeCodePoint(cp)) out += escapeCodePoint(cp);
    else if (ch === "'" || ch === '\\') out += `\\${ch}`;
    else out += ch;
  }
  return `$'${out}'`;
}

/** The command on one line (menus, timelines): each argument quoted, joined by spaces. */
export function commandLine(argv: readonly string[]): string {
  return argv.map(quoteArg).join(' ');
}

/** The command one argument per line (step screen, confirmation), so no argument can hide another. */
export function commandLines(argv: readonly string[]): string[] {
  return argv.map((arg, i) => `${i === 0 ? '' : '  '}${quoteArg(arg)}`);
}
