import { describe, expect, it } from 'vitest';
import { agenda, endOf, SimClock } from '../../../src/core/exercise/sim-clock.js';
import { exercise, START } from './fixtures.js';

const start = new Date(START);
const label = (c: ReturnType<typeof agenda>[number]): string => (c.kind === 'open' ? 'open' : c.kind === 'inject' ? `inject:${c.inject.id}` : `script:${c.index}`);

describe('agenda', () => {
  it('orders by time, with the opening, then injects, then script entries at the same time', () => {
    const cues = agenda(
      exercise({
        injects: [
          { id: 'b', at: 'PT1H', title: 'B', message: 'b' },
          { id: 'a', at: 'PT0S', title: 'A', message: 'a' },
          { id: 'c', at: 'PT1H', title: 'C', message: 'c' },
        ],
        script: [
          { at: 'PT1H', do: 'note', text: 'one' },
          { at: 'PT0S', do: 'note', text: 'zero' },
          { at: 'PT60M', do: 'note', text: 'also one' },
        ],
      }),
      start,
    );
    expect(cues.map(label)).toEqual(['open', 'inject:a', 'script:1', 'inject:b', 'inject:c', 'script:0', 'script:2']);
  });

  it('is the same list every time', () => {
    expect(agenda(exercise(), start)).toEqual(agenda(exercise(), start));
  });

  it('computes calendar offsets from the start and leaves unreadable ones out', () => {
    const cues = agenda(exercise({ injects: [{ id: 'm', at: 'P1M', title: 'M', message: 'm' }], script: [{ at: 'soon', do: 'note', text: 'x' }] }), start);
    expect(cues.map(label)).toEqual(['open', 'inject:m']);
    expect(cues[1]?.at.toISOString()).toBe('2025-04-01T08:00:00.000Z');
  });

  it('ends at `end`, or at the last cue', () => {
    const cues = agenda(exercise(), start);
    expect(endOf(exercise(), start, cues).toISOString()).toBe('2025-03-01T14:00:00.000Z');
    expect(endOf(exercise({ end: 'P1D' }), start, cues).toISOString()).toBe('2025-03-02T08:00:00.000Z');
  });
});

describe('SimClock', () => {
  it('jumps forward without waiting and never goes back', () => {
    const clock = new SimClock(start);
    expect(clock.now()).toEqual(start);
    const later = new Date('2025-03-05T08:00:00.000Z');
    const before = Date.now();
    clock.advanceTo(later);
    expect(Date.now() - before).toBeLessThan(1000);
    expect(clock.now()).toEqual(later);
    expect(() => clock.advanceTo(start)).toThrow(RangeError);
    expect(clock.now()).toEqual(later);
  });
});
