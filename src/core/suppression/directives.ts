// Inline disables, as eslint and Spectral users write them: a comment line
//   # crisis-disable-next-line nis2/art9-4-e-infrastructure -- kept in the annex, see ADR-7
// disables the named rules (comma-separated; a family as `nis2/*`) on the next line. Only a line
// that holds nothing but the comment counts, so text inside a value never acts as one.

/** One rule a directive names, with the column it starts at. */
export interface DirectiveRule {
  name: string;
  column: number;
}

/** One `# crisis-disable-next-line` comment. */
export interface Directive {
  line: number; // 1-based line of the comment; it disables findings on line + 1
  column: number; // where the comment starts
  rules: DirectiveRule[];
  reason?: string; // the text after ' -- ', trimmed; absent or empty when none was given
}

const DIRECTIVE = /^([ \t]*#[ \t]*)crisis-disable-next-line\b(.*)$/;

/** The directives in a source text, in line order. */
export function findDirectives(text: string): Directive[] {
  if (!text.includes('crisis-disable-next-line')) return []; // most files: one scan, no split
  const out: Directive[] = [];
  text.split('\n').forEach((raw, index) => {
    const match = DIRECTIVE.exec(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
    if (!match) return;
    const lead = match[1] ?? '';
    const rest = match[2] ?? '';
    const split = rest.search(/(^|\s)--(\s|$)/);
    const list = split < 0 ? rest : rest.slice(0, split);
    const reason = split < 0 ? undefined : rest.slice(split).replace(/^\s*--/, '').trim();
    const start = lead.length + 'crisis-disable-next-line'.length;
    const rules: DirectiveRule[] = [];
    const names = /[^\s,]+/g;
    for (let m = names.exec(list); m; m = names.exec(list)) rules.push({ name: m[0], column: start + m.index + 1 });
    out.push({ line: index + 1, column: lead.indexOf('#') + 1, rules, ...(reason === undefined ? {} : { reason }) });
  });
  return out;
}
