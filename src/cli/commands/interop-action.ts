// The file side of the CACAO converters (src/core/interop/cacao): read and check the input,
// write the output, report what did not carry over. The conversions themselves are pure.
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ProblemsFound, UsageError } from '../../core/errors.js';
import { planToCacao } from '../../core/interop/cacao/export.js';
import { cacaoToPlan } from '../../core/interop/cacao/import.js';
import { planYaml } from '../../core/interop/cacao/plan-yaml.js';
import { readCacaoJson } from '../../core/interop/cacao/read-json.js';
import type { Plan } from '../../core/plan/types.js';
import { safeJson, safeLine } from '../../core/safe-text/index.js';
import { writeOutputFile } from '../../adapters/output-file.js';
import { packageRoot } from '../../adapters/package-root.js';
import { namedFile, readLimited } from '../../adapters/plan-files.js';
import type { CliIO } from '../io.js';
import { loadValidation, MAX_PLAN_BYTES, parseFile } from '../load-documents.js';
import { invalidDocument, readDocument } from '../read-document.js';
import type { InteropOptions } from './interop.js';

/** Write the playbook of the plan at `path`. */
export function exportCacaoAction(path: string, options: InteropOptions, io: CliIO): void {
  const doc = readDocument(namedFile(path, io.cwd, io.cwd, 'a plan file'));
  const errors = loadValidation().check([doc]).filter((f) => f.severity === 'error');
  if (errors[0]) throw invalidDocument(errors[0], doc.file, errors.length);
  const plan = doc.value as Plan;
  if (plan.kind !== 'Plan') throw new UsageError(`${doc.file} is not a plan (kind: ${String(plan.kind)}): give a plan file`);
  write(`${safeJson(planToCacao(plan), 2)}\n`, options, io);
}

/** Write the plan made from the playbook at `path`; what did not carry over goes to stderr. */
export function importCacaoAction(path: string, options: InteropOptions, io: CliIO): void {
  const file = namedFile(path, io.cwd, io.cwd, 'a CACAO playbook (JSON)');
  const read = readLimited(file, MAX_PLAN_BYTES);
  if ('tooLarge' in read) throw new UsageError(`${file.display} is ${(read.tooLarge / 1024 / 1024).toFixed(1)} MB, above the ${MAX_PLAN_BYTES / 1024 / 1024} MB limit for a playbook: it is not one crisis reads`);
  const playbook = readCacaoJson(file.display, read.bytes);
  const { plan, findings } = cacaoToPlan(playbook, file.display);
  const folder = options.output === undefined ? io.cwd : dirname(resolve(io.cwd, options.output));
  const schema = relative(folder, join(packageRoot, 'schemas', 'plan.schema.json')).split(sep).join('/');
  const text = planYaml(plan, { file: file.display, playbookId: String(playbook.id ?? '') }, schema);
  // The result must be a plan crisis opens: check it as validate would.
  const parsed = parseFile(options.output ?? '<stdout>', new TextEncoder().encode(text));
  const problems = parsed.doc ? loadValidation().check([parsed.doc]).filter((f) => f.severity === 'error') : parsed.findings;
  write(text, options, io);
  if (findings.length > 0) {
    io.stderr.write(`crisis: ${findings.length} thing${findings.length === 1 ? '' : 's'} in ${safeLine(file.display)} could not be carried over as they are:\n`);
    for (const f of findings) io.stderr.write(`  ${safeLine(f.file)}: ${safeLine(f.what)}: ${safeLine(f.why)}\n`);
  }
  if (problems.length > 0) {
    for (const p of problems) io.stderr.write(`  ${safeLine(p.file)}:${p.line}:${p.column}: ${p.rule} ${safeLine(p.message)}\n`);
    throw new ProblemsFound(`the plan made from ${safeLine(file.display)} does not validate (${problems.length} error${problems.length === 1 ? '' : 's'} above): fix them before using it`);
  }
}

function write(text: string, options: InteropOptions, io: CliIO): void {
  if (options.output === undefined) io.stdout.write(text);
  else writeOutputFile(options.output, text, { force: options.force === true, protect: [], cwd: io.cwd });
}
