import { describe, it, expect } from 'vitest';
import { findingFormats, type FindingFormat } from '../../../src/core/report/findings/index.js';
import { RESULT, context } from './findings-fixture.js';

describe('finding formats registry', () => {
  it('offers exactly the formats of the CLI contract', () => {
    const names: FindingFormat[] = ['stylish', 'json', 'junit', 'github', 'sarif', 'compact', 'codeclimate'];
    expect(Object.keys(findingFormats).sort()).toEqual([...names].sort());
  });

  it('every format produces newline-terminated output for a result with findings', () => {
    for (const format of Object.values(findingFormats)) expect(format(RESULT, context())).toMatch(/\S\n$/);
  });
});
