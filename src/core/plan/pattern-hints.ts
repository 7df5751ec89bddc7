// Explain a schema `pattern` in words. The schema's regexes are probed with sample values rather
// than matched as text, so any spelling of "kebab-case" is recognised.

interface Probe {
  words: string;
  accepts: readonly string[];
  rejects: readonly string[];
}

const PROBES: readonly Probe[] = [
  {
    words: "a kebab-case id: lowercase letters, digits and hyphens, such as 'national-csirt'",
    accepts: ['triage', 'national-csirt', 'step-2'],
    rejects: ['Triage', 'national_csirt', 'a b', 'a.b', 'eu-circp#triage'],
  },
  {
    words: "a step id, or PLAN-ID#STEP-ID for a step in another plan, such as 'eu-circp#triage'",
    accepts: ['triage', 'eu-circp#triage'],
    rejects: ['Triage', 'a b', '#triage', 'a#b#c'],
  },
  { words: "an ISO 8601 duration such as 'PT24H', 'PT30M' or 'P3D'", accepts: ['PT24H', 'P3D', 'PT30M'], rejects: ['24h', '1 day', 'T24H', 'P', 'PT'] },
  { words: "a version number such as '1.0.0'", accepts: ['1.0.0', '2.10.3'], rejects: ['1.0', 'v1', 'one'] },
  { words: "a two-letter code in capitals, such as 'BE' (or 'EU')", accepts: ['EU', 'BE', 'DE'], rejects: ['be', 'BEL', 'Belgium', 'B'] },
  { words: "a date such as '2025-01-31'", accepts: ['2025-01-31', '1999-12-01'], rejects: ['31/01/2025', '2025-1-3', 'today'] },
];

const cache = new Map<string, string>();

/** Words for what a pattern expects: "a kebab-case id: ..." or, failing that, the regex itself. */
export function describePattern(pattern: string): string {
  const known = cache.get(pattern);
  if (known !== undefined) return known;
  let words = `text matching the pattern /${pattern.length > 80 ? pattern.slice(0, 79) + '…' : pattern}/`;
  try {
    const re = new RegExp(pattern, 'u'); // as Ajv compiles it
    const probe = PROBES.find((p) => p.accepts.every((s) => re.test(s)) && !p.rejects.some((s) => re.test(s)));
    if (probe) words = probe.words;
  } catch {
    // keep the literal pattern
  }
  if (cache.size < 500) cache.set(pattern, words);
  return words;
}

const FORMATS: Record<string, string> = {
  date: "a date such as '2025-01-31'",
  'date-time': "a date and time such as '2025-01-31T14:00:00Z'",
  time: "a time such as '14:00:00Z'",
  duration: "an ISO 8601 duration such as 'PT24H'",
  email: 'an e-mail address',
  uri: "a full URI such as 'https://example.org/'",
  'uri-reference': 'a URI or a relative reference',
  hostname: 'a host name',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  uuid: 'a UUID',
  regex: 'a regular expression',
};

/** Words for a JSON Schema `format`: "a date such as '2025-01-31'". */
export function describeFormat(format: string): string {
  return FORMATS[format] ?? `a valid ${format}`;
}
