import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketSortByKey, KEEP_SCRATCH_UP_TO } from './bucket-sort.js';
import { quickSortByKey } from './quick-sort.js';
import { radixSortByKey } from './radix-sort.js';
import { BUCKET_FROM, RADIX_FROM, sortByKey } from './sort.js';

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

/** Checks `sort` on random ranges of random arrays of {@link key}s. */
function checkRandomRanges(sort: (keys: Float64Array, idx: Int32Array, lo: number, hi: number) => void) {
  fc.assert(
    fc.property(fc.array(key, { maxLength: 300 }), fc.nat(), fc.nat(), (values, a, b) => {
      const lo = values.length === 0 ? 0 : a % (values.length + 1);
      const hi = lo + (values.length === 0 ? 0 : b % (values.length - lo + 1));
      check(sort, values, lo, hi);
    }),
  );
}

describe('quickSortByKey', () => {
  it('sorts any range of any doubles (no NaN) and permutes the indices alike', () => {
    checkRandomRanges(quickSortByKey);
  });
});

describe('bucketSortByKey', () => {
  const bucketThenQuick = (keys: Float64Array, idx: Int32Array, lo: number, hi: number) =>
    bucketSortByKey(keys, idx, lo, hi, quickSortByKey);

  it('sorts any range of any doubles (no NaN) and permutes the indices alike', () => {
    checkRandomRanges(bucketThenQuick);
  });

  it('sorts finite doubles of every magnitude, spread or clustered', () => {
    const finite = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(finite, { minLength: 2, maxLength: 200 }), (values) => {
        check(bucketThenQuick, values, 0, values.length);
      }),
    );
  });

  it('sorts ranges larger than the scratch it keeps, and smaller ones after them', () => {
    for (const n of [KEEP_SCRATCH_UP_TO + 3, 500]) {
      const values = Array.from({ length: n }, (_, i) => ((i * 7919) % 100_003) / 7 - 3);
      check(bucketThenQuick, values, 1, n);
    }
  });

  it('sorts keys whose spread is subnormal or near the largest double', () => {
    check(bucketThenQuick, [5e-324, 0, 1e-323, 5e-324, -0], 0, 5);
    check(bucketThenQuick, [Number.MAX_VALUE, -Number.MAX_VALUE, 0, 1, -1], 0, 5);
  });
});

describe('radixSortByKey', () => {
  it('sorts any range of any doubles (no NaN) and permutes the indices alike', () => {
    checkRandomRanges(radixSortByKey);
  });

  it('is stable', () => {
    const keys = Float64Array.of(2, 1, 2, 1, 0, 2);
    const idx = Int32Array.of(0, 1, 2, 3, 4, 5);
    radixSortByKey(keys, idx, 0, 6);
    expect(Array.from(idx)).toEqual([4, 1, 3, 0, 2, 5]);
  });
});

describe('sortByKey', () => {
  it('sorts on both sides of the bucket threshold', () => {
    for (const n of [BUCKET_FROM - 1, BUCKET_FROM, 2 * BUCKET_FROM + 1]) {
      const values = Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898) * 1e3 + (i % 5 === 0 ? 7 : 0));
      check(sortByKey, values, 0, n);
      check(sortByKey, values, 2, n - 1);
    }
  });

  it('sorts skewed keys whose buckets reach the radix threshold', () => {
    // One far outlier puts all the other keys in the first bucket.
    const n = 3 * RADIX_FROM;
    const values = Array.from({ length: n }, (_, i) => (i === 17 ? 1e12 : ((i * 7919) % 1013) / 97));
    check(sortByKey, values, 0, n);
  });

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
