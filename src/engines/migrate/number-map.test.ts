import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberMap } from './number-map';

describe('NumberMap', () => {
  it('answers like a Map for any order of keys (sorted runs, shuffles, negatives, large integers)', () => {
    const key = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 200_000 }), fc.maxSafeInteger());
    fc.assert(
      fc.property(fc.array(fc.oneof(key, fc.constant(5)), { maxLength: 3000 }), fc.boolean(), (keys, sortFirst) => {
        const order = sortFirst ? [...keys].sort((a, b) => a - b) : keys;
        const map = new NumberMap();
        const reference = new Map<number, number>();
        order.forEach((k, row) => {
          expect(map.get(k)).toBe(reference.get(k));
          if (!reference.has(k)) {
            map.add(k, row + 1);
            reference.set(k, row + 1);
          }
        });
        for (const [k, v] of reference) expect(map.get(k)).toBe(v);
        expect(map.get(Number.MIN_SAFE_INTEGER)).toBe(reference.get(Number.MIN_SAFE_INTEGER));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a million increasing keys and finds a late repeat of an early one', () => {
    const map = new NumberMap();
    for (let k = 1; k <= 1_000_000; k++) map.add(k * 3, k);
    map.add(7, 1_000_001);
    expect(map.get(3)).toBe(1);
    expect(map.get(3_000_000)).toBe(1_000_000);
    expect(map.get(7)).toBe(1_000_001);
    expect(map.get(4)).toBeUndefined();
  });
});
