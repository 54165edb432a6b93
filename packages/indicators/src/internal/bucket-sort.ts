import { reusableScratch } from './reusable-scratch.js';

/** Sorts `keys[lo..hi)` ascending and applies the same permutation to `idx[lo..hi)`. */
export type RangeSort = (keys: Float64Array, idx: Int32Array, lo: number, hi: number) => void;

/** Scratch kept between calls for up to this many keys (2 MB); larger calls allocate their own. */
export const KEEP_SCRATCH_UP_TO = 1 << 17;
/** Scratch kept between calls (grown on demand, never shrunk): a copy of the range and counts. */
const scratch = reusableScratch(
  (capacity) => ({
    keys: new Float64Array(capacity),
    idx: new Int32Array(capacity),
    counts: new Int32Array(capacity),
  }),
  KEEP_SCRATCH_UP_TO,
);

/**
 * Sorts `keys[lo..hi)` ascending and applies the same permutation to `idx[lo..hi)`: one pass
 * distributing the n keys into n buckets of equal width between the smallest and the largest key,
 * then `sortBucket` on every bucket holding two keys or more. On keys spread fairly evenly (as the
 * coordinates of a front are) the buckets hold about one key each, so this is O(n) and a single
 * scattering pass: measured 2x faster than the quicksort and the radix sort at 10,000 keys and
 * 25% faster than the quicksort at 1,000. Skewed keys only fill fewer, larger buckets: never
 * worse than `sortBucket` on the whole range plus O(n). Ranges with an infinite key (or whose
 * width overflows) go to `sortBucket` whole. Not stable. Keys must not be NaN. `sortBucket` must
 * not call this function (the scratch is shared).
 *
 * The bucket of k is floor((k - min) * scale), monotone in k under rounding to nearest, with scale
 * shrunk by 2^-50 so that the largest key still lands below n. O(n) scratch, kept for later calls
 * up to 2^17 keys.
 *
 * @example
 * const keys = Float64Array.of(0.5, -1, 0.25);
 * const idx = Int32Array.of(0, 1, 2);
 * bucketSortByKey(keys, idx, 0, 3, quickSortByKey); // keys => [-1, 0.25, 0.5], idx => [1, 2, 0]
 */
export function bucketSortByKey(
  keys: Float64Array,
  idx: Int32Array,
  lo: number,
  hi: number,
  sortBucket: RangeSort,
): void {
  const n = hi - lo;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = lo; i < hi; i++) {
    const k = keys[i]!;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  const width = max - min;
  if (!(width > 0 && width < Number.POSITIVE_INFINITY)) {
    if (width !== 0) sortBucket(keys, idx, lo, hi); // width 0: all keys equal, nothing to do
    return;
  }
  // An overflowing scale (a subnormal width) only sends everything to bucket 0: (k - min) * scale
  // is then NaN or Infinity, and both | 0 to 0.
  const scale = (n * (1 - 2 ** -50)) / width;
  const ends = distribute(keys, idx, lo, hi, min, scale);
  let start = lo;
  for (let b = 0; b < n; b++) {
    const end = ends[b]!;
    if (end - start > 1) sortBucket(keys, idx, start, end);
    start = end;
  }
}

/**
 * Moves the keys of `[lo, hi)` (and their indices) bucket by bucket, bucket floor((k - min) *
 * scale) in `[0, hi - lo)`, and returns the counts array with the end of bucket b at b. O(n).
 */
function distribute(
  keys: Float64Array,
  idx: Int32Array,
  lo: number,
  hi: number,
  min: number,
  scale: number,
): Int32Array {
  const n = hi - lo;
  const s = scratch(n);
  s.counts.fill(0, 0, n);
  return scatter(keys, idx, lo, hi, min, scale, s.keys, s.idx, s.counts);
}

/** {@link distribute} with the scratch given: `ck`, `ci` of n slots, `c` of n zeros. */
function scatter(
  keys: Float64Array,
  idx: Int32Array,
  lo: number,
  hi: number,
  min: number,
  scale: number,
  ck: Float64Array,
  ci: Int32Array,
  c: Int32Array,
): Int32Array {
  const n = hi - lo;
  for (let i = 0; i < n; i++) {
    const k = keys[lo + i]!;
    ck[i] = k;
    ci[i] = idx[lo + i]!;
    c[((k - min) * scale) | 0]!++;
  }
  let sum = lo;
  for (let b = 0; b < n; b++) {
    const size = c[b]!;
    c[b] = sum;
    sum += size;
  }
  for (let i = 0; i < n; i++) {
    const k = ck[i]!;
    const at = c[((k - min) * scale) | 0]!++;
    keys[at] = k;
    idx[at] = ci[i]!;
  }
  return c;
}
