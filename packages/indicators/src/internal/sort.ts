import { bucketSortByKey } from './bucket-sort.js';
import { quickSortByKey } from './quick-sort.js';
import { radixSortByKey } from './radix-sort.js';

/** From this many keys on, {@link sortByKey} distributes them into buckets first (measured). */
export const BUCKET_FROM = 768;
/** Buckets of this many keys or more are radix sorted, smaller ones quicksorted. */
export const RADIX_FROM = 2048;

/**
 * Sorts `keys[lo..hi)` ascending and applies the same permutation to `idx[lo..hi)`. Not stable.
 *
 * Below {@link BUCKET_FROM} keys, {@link quickSortByKey}; from there on {@link bucketSortByKey}
 * (one O(n) distribution pass, about one key per bucket on evenly spread keys), whose buckets go
 * to the quicksort, or to {@link radixSortByKey} (O(n), no misprediction per comparison) from
 * {@link RADIX_FROM} keys on, as skewed keys can make a few buckets large. O(n log n) expected.
 * Keys must not be NaN (callers validate their input).
 */
export function sortByKey(keys: Float64Array, idx: Int32Array, lo: number, hi: number): void {
  if (hi - lo >= BUCKET_FROM) bucketSortByKey(keys, idx, lo, hi, sortBucket);
  else quickSortByKey(keys, idx, lo, hi);
}

/** One bucket of {@link sortByKey}: radix sort when large, quicksort otherwise. */
function sortBucket(keys: Float64Array, idx: Int32Array, lo: number, hi: number): void {
  if (hi - lo >= RADIX_FROM) radixSortByKey(keys, idx, lo, hi);
  else quickSortByKey(keys, idx, lo, hi);
}

/**
 * The rows `0..n-1` of the flat `data` (`d` values per row) in ascending order of column
 * `first`, ties broken by the columns `then...` in turn (lexicographic order). O(n log n).
 */
export function orderBy(
  data: Float64Array,
  n: number,
  d: number,
  first: number,
  ...then: number[]
): Int32Array {
  const keys = new Float64Array(n);
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = data[i * d + first]!;
    idx[i] = i;
  }
  sortByKey(keys, idx, 0, n);
  if (then.length > 0) breakTies(data, d, keys, idx, 0, n, then, 0);
  return idx;
}

/** Within every run of equal `keys`, re-sorts `idx` by column `cols[c]` (and further columns). */
function breakTies(
  data: Float64Array,
  d: number,
  keys: Float64Array,
  idx: Int32Array,
  lo: number,
  hi: number,
  cols: number[],
  c: number,
): void {
  const col = cols[c]!;
  let i = lo;
  while (i < hi) {
    let j = i + 1;
    const k = keys[i]!;
    while (j < hi && keys[j] === k) j++;
    if (j - i > 1) {
      for (let t = i; t < j; t++) keys[t] = data[idx[t]! * d + col]!;
      sortByKey(keys, idx, i, j);
      if (c + 1 < cols.length) breakTies(data, d, keys, idx, i, j, cols, c + 1);
      for (let t = i; t < j; t++) keys[t] = k;
    }
    i = j;
  }
}
