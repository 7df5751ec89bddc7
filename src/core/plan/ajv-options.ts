// How crisis configures Ajv, apart from importing it: shared by createAjv (ajv.ts), the build step
// that compiles the schemas to standalone validators, and the run-time fallback that compiles them.
import type { Ajv2020, Options } from 'ajv/dist/2020.js';
import type addFormats from 'ajv-formats';

/**
 * Strict (unknown keywords fail at compile time), all errors at once, and `verbose` so errors
 * carry their parent schema (for did-you-mean).
 */
export const ajvOptions: Readonly<Options> = Object.freeze({ strict: true, allErrors: true, verbose: true, logger: false });

/** Formats, and the editor-only keywords the schemas carry. */
export function configureAjv(ajv: Ajv2020, formats: typeof addFormats.default): Ajv2020 {
  formats(ajv);
  // An editor annotation (yaml-language-server, VS Code): completion snippets, no validation.
  ajv.addKeyword({ keyword: 'defaultSnippets', schemaType: 'array' });
  return ajv;
}
