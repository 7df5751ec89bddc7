// A PostgreSQL connection string as crisis shows it: never with its password. Credentials come
// from the string, PostgreSQL's environment variables (PGPASSWORD...) or ~/.pgpass, and the
// `pg` client reads all three; crisis only ever prints the string with them taken out.

/** Whether `--db` / $CRISIS_DB names a PostgreSQL log rather than a SQLite file. */
export function isPostgresUrl(text: string): boolean {
  return /^postgres(ql)?:\/\//i.test(text.trim());
}

/** The connection string without its password (user info or a ...password= parameter), for messages and commands. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not even a URL: show only the scheme, in case what follows holds a secret.
    return `${url.trim().split(':')[0] ?? 'postgres'}://…`;
  }
  parsed.password = '';
  for (const key of [...parsed.searchParams.keys()]) if (/pass/i.test(key)) parsed.searchParams.delete(key);
  return parsed.toString();
}

/** Every secret the connection string holds, to scrub from a driver's message. */
export function secretsOf(url: string): string[] {
  const secrets: string[] = [];
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') secrets.push(parsed.password, decodeURIComponent(parsed.password));
    for (const [key, value] of parsed.searchParams) if (/pass/i.test(key) && value !== '') secrets.push(value, encodeURIComponent(value));
  } catch {
    // Nothing can be told apart in a string that does not parse: scrub it whole.
    secrets.push(url);
  }
  return secrets.filter((s) => s.length > 0);
}

/** `text` with every secret of `url` (and of $PGPASSWORD) replaced by ***. */
export function scrub(text: string, url: string, env: NodeJS.ProcessEnv = process.env): string {
  const secrets = [...secretsOf(url), env['PGPASSWORD'] ?? ''].filter((s) => s.length >= 1).sort((a, b) => b.length - a.length);
  let out = text.split(url).join(redactUrl(url));
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}
