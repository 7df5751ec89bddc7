// PostgreSQL and network failures as one sentence naming the team log (without its password)
// and what to do. A lost connection is LogUnavailable, so a walkthrough can offer a local copy.
import { LogUnavailable, UsageError } from '../../core/errors.js';
import { redactUrl, scrub } from './connection-string.js';
import { WRITER_ROLE } from './schema.js';

const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

/** Whether the error means the server (or the way to it) is gone, rather than a refusal. */
export function isConnectionLoss(error: unknown): boolean {
  if (error instanceof LogUnavailable) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection error|not queryable|Client was closed|timeout expired/i.test(message);
}

/** The failure as a UsageError (LogUnavailable for a lost server); CrisisErrors pass through. */
export function toPgUsageError(error: unknown, url: string): UsageError {
  if (error instanceof UsageError) return error;
  const where = redactUrl(url);
  const code = (error as { code?: unknown }).code;
  const detail = scrub(error instanceof Error ? error.message : String(error), url);
  const options = { cause: error };
  if (isConnectionLoss(error)) {
    return new LogUnavailable(`Cannot reach the team log at ${where} (${detail}); check the address and that the server is up, or work on a local log (crisis log pull).`, options);
  }
  if (code === '28P01' || code === '28000') {
    return new UsageError(`The team log at ${where} refused the login (${detail}); check the user and the password (in PGPASSWORD or ~/.pgpass, never on the command line).`, options);
  }
  if (code === '3D000') return new UsageError(`The team log at ${where} names a database that does not exist (${detail}); check the database name.`, options);
  if (code === '42501') {
    return new UsageError(`The team log at ${where} refused this (${detail}); a database administrator grants ${WRITER_ROLE} to your database role.`, options);
  }
  if (code === '42P01' || code === '3F000') {
    return new UsageError(`There is no crisis log in ${where} yet; a database administrator creates it with crisis log setup ${where}.`, options);
  }
  if (/SSL|TLS|certificate/i.test(detail)) return new UsageError(`The TLS connection to the team log at ${where} failed (${detail}); check sslmode and sslrootcert in the connection string.`, options);
  return new UsageError(`The team log at ${where} failed (${detail}).`, options);
}
