// yaml's errors and warnings, reworded for plan authors. Every warning counts as an error: an
// unknown tag (`!!js/function`, `!secret`) is only a warning in yaml but has no place in a plan.

import type { LineCounter, YAMLError } from 'yaml';
import type { SourceProblem } from './source-limits.js';
import { clip } from '../clip.js';

const MAX_SYNTAX = 10; // after the first few, syntax errors are mostly echoes of the first

const HINTS: Record<string, string> = {
  BAD_INDENT: 'check the indentation',
  MISSING_CHAR: "check for a missing ':' or an unclosed bracket or quote",
  BLOCK_AS_IMPLICIT_KEY: "put the nested mapping on its own indented line, or quote a value that contains ': '",
  MULTILINE_IMPLICIT_KEY: "check for a missing ':' or an unclosed quote above",
  BAD_DQ_ESCAPE: "use single quotes, or write a backslash as '\\\\'",
  BAD_SCALAR_START: 'quote the value',
  UNEXPECTED_TOKEN: 'quote the value or fix the YAML syntax',
  KEY_OVER_1024_CHARS: 'shorten the key',
};

/** Turn yaml's errors and warnings into problems with positions and one-line messages. */
export function yamlProblems(
  issues: readonly YAMLError[],
  text: string,
  lineCounter: LineCounter,
): SourceProblem[] {
  const out: SourceProblem[] = [];
  let syntax = 0;
  for (const issue of issues) {
    const start = issue.linePos?.[0] ?? lineCounter.linePos(issue.pos[0]);
    const where = { line: start.line, column: start.col };
    const pos = `${where.line}:${where.column}`;
    const source = clip(text.slice(issue.pos[0], Math.max(issue.pos[1], issue.pos[0])));
    switch (issue.code) {
      case 'MULTIPLE_DOCS':
        out.push({ rule: 'yaml/multiple-documents', message: `a second YAML document starts at ${pos}; a plan file holds exactly one, so remove the '---' or '...' line or split the file`, ...where });
        break;
      case 'TAB_AS_INDENT':
        out.push({ rule: 'yaml/tab-indent', message: `indentation uses a tab at ${pos}; YAML indents with spaces, so replace the tab with spaces`, ...where });
        break;
      case 'TAG_RESOLVE_FAILED':
        out.push({ rule: 'yaml/unsafe-tag', message: `tag '${source}' at ${pos} is not allowed; plan files hold plain values only, so remove the tag`, ...where });
        break;
      case 'RESOURCE_EXHAUSTION':
        out.push({ rule: 'yaml/too-deep', message: `nesting is too deep to read at ${pos}; flatten the structure`, ...where });
        break;
      case 'NON_STRING_KEY':
        out.push({ rule: 'yaml/complex-key', message: `the key at ${pos} is a list or mapping; keys must be plain text`, ...where });
        break;
      default:
        if (++syntax > MAX_SYNTAX) break;
        out.push({ rule: 'yaml/syntax', message: `YAML syntax error at ${pos}: ${plainMessage(issue.message)}; ${HINTS[issue.code] ?? 'fix the YAML syntax here'}`, ...where });
    }
  }
  return out;
}

/** yaml's message without its position suffix and source excerpt, as one lower-case clause. */
export function plainMessage(message: string): string {
  const first = (message.split('\n', 1)[0] ?? '').replace(/ at line \d+, column \d+:?\s*$/, '').replace(/[.:]\s*$/, '').trim();
  const clause = first.length > 0 ? first : 'the text cannot be read as YAML';
  return clip(clause.charAt(0).toLowerCase() + clause.slice(1), 200);
}
