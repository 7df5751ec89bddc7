// The one place that knows how Ajv and ajv-formats have to be imported under NodeNext
// (style.md Part 2 (d)): the named Ajv2020 export, and ajv-formats' CommonJS default.

import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export { Ajv2020 };
export type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

/**
 * A JSON Schema 2020-12 validator with formats: strict (unknown keywords fail at compile time),
 * all errors at once, and `verbose` so errors carry their parent schema (for did-you-mean).
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, verbose: true, logger: false });
  addFormats.default(ajv);
  // An editor annotation (yaml-language-server, VS Code): completion snippets, no validation.
  ajv.addKeyword({ keyword: 'defaultSnippets', schemaType: 'array' });
  return ajv;
}
