// The registry `crisis validate --format` looks formats up in.

import { codeclimate } from './codeclimate.js';
import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { FindingsFormatter } from './types.js';

export const findingFormats = { stylish, json, junit, github, sarif, compact, codeclimate } satisfies Record<string, FindingsFormatter>;

/** A `--format` value of `crisis validate`. */
export type FindingFormat = keyof typeof findingFormats;

export type { FindingsFormatter, FormatContext, ValidationResult } from './types.js';
