// Limits that keep loading a hostile plan file fast and bounded (DESIGN.md, "Safety").

/** Upper bounds parseSource enforces before and while it parses a file. */
export interface SourceLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Longest line accepted, in UTF-16 code units. */
  maxLineLength: number;
  /** Deepest nesting of mappings and lists accepted. */
  maxDepth: number;
  /** Most keys, values and items accepted (yaml needs ~10 µs and ~1 KB per value). */
  maxValues: number;
  /** yaml's own alias guard (toJS maxAliasCount): uses of one anchor, weighted by nesting. */
  maxAliasCount: number;
  /** Most nodes all aliases together may expand to (billion laughs stops here). */
  maxAliasNodes: number;
}

export const DEFAULT_SOURCE_LIMITS: Readonly<SourceLimits> = Object.freeze({
  maxBytes: 4 * 1024 * 1024,
  maxLineLength: 20_000,
  maxDepth: 64,
  maxValues: 50_000,
  maxAliasCount: 50,
  maxAliasNodes: 10_000,
});

/** The defaults with any given overrides applied. */
export function resolveLimits(limits: Partial<SourceLimits> = {}): SourceLimits {
  const out: SourceLimits = { ...DEFAULT_SOURCE_LIMITS };
  for (const key of Object.keys(out) as (keyof SourceLimits)[]) {
    const v = limits[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[key] = v;
  }
  return out;
}

/** A problem found while reading a file, placed in the source but not yet tied to a file name. */
export interface SourceProblem {
  rule: string;
  message: string;
  line: number;
  column: number;
  /** JSON pointer to the value concerned, where the problem has one ('' otherwise). */
  path?: string;
}
