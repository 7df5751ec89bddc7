// Write a national plan from the template, with a schema comment that works where the plan
// lives: a relative path to the installed package's schema when both are in one repository (a
// devDependency), else the absolute path on this machine, with a note on how to do better.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { nationalPlanFromTemplate } from '../../core/plan/national-template.js';
import { MEMBER_STATES } from '../../core/plan/rules/jurisdiction.js';
import { bundledPlaybooksPath } from '../../adapters/bundled.js';
import { writeOutputFile } from '../../adapters/output-file.js';
import { packageRoot } from '../../adapters/package-root.js';
import { findRepositoryRoot } from '../../adapters/repository-root.js';
import type { CliIO } from '../io.js';
import { loadValidation, parseFile } from '../load-documents.js';
import type { InitNationalOptions } from './init.js';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Write the new plan to --out or standard output. */
export function initNationalAction(options: InitNationalOptions, io: CliIO): void {
  const code = options.jurisdiction.toUpperCase();
  if (!MEMBER_STATES.has(code) && !/^X[A-Z]$/.test(code)) {
    throw new UsageError(`--jurisdiction ${options.jurisdiction} is not a Member State: give its ISO 3166-1 alpha-2 code (DE, FR, EL or GR ...), or XA-XZ for an example`);
  }
  const id = options.id ?? `${code.toLowerCase()}-ncirp`;
  if (!ID.test(id)) throw new UsageError(`--id ${id} is not a plan id: use lower-case words joined by hyphens, e.g. de-ncirp`);
  const folder = options.out === undefined ? io.cwd : dirname(resolve(io.cwd, options.out));
  const schema = schemaRef(folder);
  const template = readFileSync(join(bundledPlaybooksPath, 'national', 'template.yaml'), 'utf8');
  const command = `crisis init national --jurisdiction ${code}${options.id === undefined ? '' : ` --id ${id}`}`;
  const text = nationalPlanFromTemplate(template, { jurisdiction: code, id, schemaRef: schema.ref, command });
  assertClean(text);
  if (options.out === undefined) io.stdout.write(text);
  else {
    writeOutputFile(options.out, text, { force: options.force === true, protect: [], cwd: io.cwd });
    io.stderr.write(`Plan ${id} written to ${options.out}: fill in every <placeholder> and TODO, then run crisis validate ${options.out}\n`);
  }
  if (schema.note) io.stderr.write(`${schema.note}\n`);
}

/** The modeline's schema path as seen from `folder`, and a note when it only works on this machine. */
function schemaRef(folder: string): { ref: string; note?: string } {
  const schema = join(packageRoot, 'schemas', 'plan.schema.json');
  const root = findRepositoryRoot(folder);
  const inside = root !== undefined && !relative(root, packageRoot).startsWith('..');
  if (inside) return { ref: relative(folder, schema).split(sep).join('/') };
  return {
    ref: schema.split(sep).join('/'),
    note:
      `crisis: the schema comment points at ${schema}, which only this machine has; for one that works in every checkout, ` +
      `add crisis-plans as a devDependency of the repository and run init again, or keep a copy (crisis schema plan > plan.schema.json) and point the comment at it`,
  };
}

/** The template must give a plan that validates clean: a broken bundle is our bug, not the user's. */
function assertClean(text: string): void {
  const parsed = parseFile('new plan', new TextEncoder().encode(text));
  const findings = parsed.doc ? loadValidation().check([parsed.doc]) : parsed.findings;
  const first = findings[0];
  if (first) throw new Error(`the plan made from the bundled template does not validate (${first.rule} at line ${first.line}: ${first.message})`);
}
