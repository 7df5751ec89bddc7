// One line per finding, `file:line:col: severity rule message`, the shape compilers print: an
// editor's terminal makes `file:line:col` a link, and grep, sort and problem matchers read it.

import type { Finding } from '../../findings.js';
import { printable } from '../../safe-text/printable.js';
import type { FindingsFormatter } from './types.js';

/** A message on one line: further lines joined with ' / '. */
const oneLine = (message: string): string => message.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').join(' / ');

const line = (f: Finding): string => printable(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule} ${oneLine(f.message)}`);

/** Every finding on its own line, in the findings' order; empty when clean. */
export const compact: FindingsFormatter = (result) => result.findings.map((f) => `${line(f)}\n`).join('');
