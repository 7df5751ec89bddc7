// Read one plan or exercise file that a command needs whole: any error in it stops the command
// (exit 2) with the first finding, placed at its line and column.
import { readLimited, type InputFile } from '../adapters/plan-files.js';
import { UsageError } from '../core/errors.js';
import type { Finding } from '../core/findings.js';
import type { SourceDocument } from '../core/plan/source.js';
import { MAX_PLAN_BYTES, parseFile, tooLargeFinding } from './load-documents.js';

/** The parsed document, or a UsageError naming the first problem that keeps it from being read. */
export function readDocument(file: InputFile): SourceDocument {
  const read = readLimited(file, MAX_PLAN_BYTES);
  if ('tooLarge' in read) throw invalidDocument(tooLargeFinding(file.display, read.tooLarge), file.display);
  const parsed = parseFile(file.display, read.bytes);
  const first = parsed.findings.find((f) => f.severity === 'error');
  if (first || !parsed.doc) throw invalidDocument(first, file.display);
  return parsed.doc;
}

/** One line for the first finding ("and N more"), pointing at `crisis validate` for the rest. */
export function invalidDocument(finding: Finding | undefined, file: string, count = 1): UsageError {
  const where = finding ? `${finding.file}:${finding.line}:${finding.column}: ${finding.message.replace(/\s*\n\s*/g, ' ')}` : `${file} cannot be read`;
  const more = count > 1 ? ` (and ${count - 1} more)` : '';
  return new UsageError(`${where}${more}; fix it (see crisis validate ${finding?.file ?? file}) and try again`);
}
