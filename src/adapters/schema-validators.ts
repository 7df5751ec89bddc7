// The schema validators: compiled to standalone code at build time (scripts/build-validators.js),
// so that no run pays for Ajv's compiler (about 0.4 s of CPU for the two schemas). A generated
// validator is used only while it was made from the schema file as it is now (its SHA-256);
// otherwise, e.g. running from source after a schema edit, the schema is compiled here.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import type addFormats from 'ajv-formats';
import { ajvOptions, configureAjv } from '../core/plan/ajv-options.js';
import { packageRoot } from './package-root.js';

const require = createRequire(join(packageRoot, 'package.json'));

/** Where the build writes the validator of a schema kind ('plan', 'exercise'). */
export function generatedValidatorPath(kind: string): string {
  return join(packageRoot, 'dist', 'generated', `${kind}.validator.cjs`);
}

/** SHA-256 of a schema file's text: what a generated validator records it was made from. */
export function schemaHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

let compiler: Ajv2020 | undefined;

/** The validator of a schema kind: the generated one when it matches the schema, else compiled now. */
export function schemaValidator(kind: string): ValidateFunction {
  const text = readFileSync(join(packageRoot, 'schemas', `${kind}.schema.json`), 'utf8');
  const hash = schemaHash(text);
  try {
    const generated = require(generatedValidatorPath(kind)) as ValidateFunction & { schemaHash?: unknown };
    if (generated.schemaHash === hash) return generated;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'MODULE_NOT_FOUND') throw error;
  }
  return (compiler ??= runtimeCompiler()).compile(JSON.parse(text) as object);
}

// Ajv is a CommonJS package: required here (synchronously) only when a schema must be compiled.
function runtimeCompiler(): Ajv2020 {
  const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as { Ajv2020: new (options: typeof ajvOptions) => Ajv2020 };
  const formats = require('ajv-formats') as typeof addFormats;
  return configureAjv(new Ajv(ajvOptions), formats.default);
}
