import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixSortByKey } from './radix-sort.js';
import { RADIX_FROM, sortByKey } from './sort.js';

/** Sorts keys[lo..hi) with `sort` and checks order, permutation and untouched ends. */
function check(
  sort: (keys: Float64Array, idx: Int32Array, lo: number, hi: number) => void,
  values: readonly number[],
  lo: number,
  hi: number,
): void {
  const keys = Float64Array.from(values);
  const idx = Int32Array.from(values, (_, i) => i);
  sort(keys, idx, lo, hi);
  // -0 and +0 compare equal: either may come first.
  const plus = (x: number) => (x === 0 ? 0 : x);
  const expected = values.slice(lo, hi).sort((a, b) => a - b);
  expect(Array.from(keys.subarray(lo, hi), plus)).toEqual(expected.map(plus));
  for (let i = lo; i < hi; i++) expect(Object.is(keys[i], values[idx[i]!])).toBe(true);
  expect(new Set(idx.subarray(lo, hi)).size).toBe(hi - lo);
  for (let i = 0; i < lo; i++) expect(idx[i]).toBe(i);
  for (let i = hi; i < values.length; i++) expect(idx[i]).toBe(i);
}

/** Doubles of every kind the hypervolume code sorts: negative, zero of both signs, repeated, huge. */
const key = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, 0.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.integer({ min: -3, max: 3 }),
);

describe('radixSortByKey', () => {
  it('sorts any range of any doubles (no NaN) and permutes the indices alike', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), fc.nat(), fc.nat(), (values, a, b) => {
        const lo = values.length === 0 ? 0 : a % (values.length + 1);
        const hi = lo + (values.length === 0 ? 0 : b % (values.length - lo + 1));
        check(radixSortByKey, values, lo, hi);
      }),
    );
  });

  it('is stable', () => {
    const keys = Float64Array.of(2, 1, 2, 1, 0, 2);
    const idx = Int32Array.of(0, 1, 2, 3, 4, 5);
    radixSortByKey(keys, idx, 0, 6);
    expect(Array.from(idx)).toEqual([4, 1, 3, 0, 2, 5]);
  });
});

describe('sortByKey', () => {
  it('sorts on both sides of the radix threshold', () => {
    for (const n of [RADIX_FROM - 1, RADIX_FROM, 3 * RADIX_FROM]) {
      const values = Array.from(
        { length: n },
        (_, i) => ((i * 7919) % 1013) / 97 - 5 + (i % 3 === 0 ? -0 : 0),
      );
      check(sortByKey, values, 0, n);
      check(sortByKey, values, 5, n - 3);
    }
  });
});
