import { describe, expect, it } from 'vitest';
import { rateObjective } from '../../../src/core/exercise/rating.js';

const met = (weight = 1, mandatory = false) => ({ met: true, weight, mandatory });
const missed = (weight = 1, mandatory = false) => ({ met: false, weight, mandatory });

describe('rateObjective (HSEEP P/S/M/U)', () => {
  it.each([
    ['no expectation: not rated', [], undefined],
    ['all met: P', [met(), met(2, true)], 'P'],
    ['exactly 75% of the weight, mandatory met: S', [met(3, true), missed(1)], 'S'],
    ['three of four equal decimal weights: S', [met(0.1), met(0.1), met(0.1), missed(0.1)], 'S'],
    ['just under 75%: M', [met(74), missed(26)], 'M'],
    ['a mandatory one missed, even with 90% met: M', [met(9), missed(1, true)], 'M'],
    ['some weight met: M', [met(1), missed(3)], 'M'],
    ['nothing met: U', [missed(1), missed(2, true)], 'U'],
  ] as const)('%s', (_, results, rating) => {
    expect(rateObjective(results)).toBe(rating);
  });
});
