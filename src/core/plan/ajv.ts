// The one place that knows how Ajv and ajv-formats have to be imported under NodeNext
// (style.md Part 2 (d)): the named Ajv2020 export, and ajv-formats' CommonJS default.

import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ajvOptions, configureAjv } from './ajv-options.js';

export { Ajv2020 };
export type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

/** A JSON Schema 2020-12 validator with formats, configured as ajv-options.ts says (plus `extra`). */
export function createAjv(extra: Options = {}): Ajv2020 {
  return configureAjv(new Ajv2020({ ...ajvOptions, ...extra }), addFormats.default);
}
