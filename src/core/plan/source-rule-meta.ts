// What every yaml/* and schema/* rule checks, for SARIF and the docs.

import type { RuleMeta } from '../findings.js';

const yaml = (id: string, description: string): RuleMeta => ({ id: `yaml/${id}`, severity: 'error', description });
const schema = (id: string, description: string): RuleMeta => ({ id: `schema/${id}`, severity: 'error', description });

/** Every rule parseSource and schemaFindings can report. */
export const schemaRuleMeta: readonly RuleMeta[] = [
  yaml('too-large', 'The file is larger than the size limit for a plan file.'),
  yaml('binary', 'The file contains NUL bytes, so it is binary rather than YAML text.'),
  yaml('control-character', 'The file contains a control character that YAML does not allow.'),
  yaml('encoding', 'The file is not valid UTF-8 text.'),
  yaml('line-too-long', 'A line is longer than the line length limit.'),
  yaml('too-deep', 'Mappings and lists are nested deeper than the depth limit.'),
  yaml('tab-indent', 'A line is indented with a tab; YAML indents with spaces.'),
  yaml('syntax', 'The text is not valid YAML.'),
  yaml('duplicate-key', 'A key appears more than once in the same mapping.'),
  yaml('multiple-documents', 'The file holds more than one YAML document.'),
  yaml('unsafe-tag', 'A value carries an explicit tag (such as !!js/function or !secret) that plan files do not allow.'),
  yaml('complex-key', 'A mapping key is a list or mapping instead of plain text.'),
  yaml('undefined-alias', 'An alias refers to an anchor that is not defined before it.'),
  yaml('alias-cycle', 'An alias refers to the node that contains it.'),
  yaml('alias-limit', 'Aliases expand to more values than the alias limit allows.'),
  yaml('reserved-key', "A key is '__proto__', which is reserved in JavaScript."),
  yaml('empty', 'The file holds no YAML content.'),
  yaml('not-a-mapping', 'The top level of the file is not a mapping.'),
  schema('required', 'A required property is missing.'),
  schema('additional-property', 'A property is not one the schema allows at that place.'),
  schema('not-allowed', 'A property or item is not allowed at that place.'),
  schema('property-name', 'A property name does not have the required form.'),
  schema('type', 'A value is of the wrong type.'),
  schema('enum', 'A value is not one of the allowed values.'),
  schema('const', 'A value is not the one fixed value allowed.'),
  schema('pattern', 'A text value does not have the required form.'),
  schema('format', 'A value is not in the required format (date, URI, e-mail, ...).'),
  schema('min-items', 'A list has fewer items than required.'),
  schema('max-items', 'A list has more items than allowed.'),
  schema('min-length', 'A text is shorter than required.'),
  schema('max-length', 'A text is longer than allowed.'),
  schema('min-properties', 'A mapping has fewer properties than required.'),
  schema('max-properties', 'A mapping has more properties than allowed.'),
  schema('minimum', 'A number is below the allowed minimum.'),
  schema('maximum', 'A number is above the allowed maximum.'),
  schema('multiple-of', 'A number is not a multiple of the required step.'),
  schema('unique-items', 'A list contains the same item twice.'),
  schema('contains', 'A list does not contain the required matching items.'),
  schema('dependent-required', 'A property that requires another is present without it.'),
  schema('one-of', 'A value matches none, or more than one, of the alternative forms.'),
  schema('any-of', 'A value matches none of the alternative forms.'),
  schema('not', 'A value has a form the schema forbids.'),
  schema('invalid', 'A value breaks another schema constraint.'),
];
