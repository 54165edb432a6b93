// Stable bucket ("spread") sort of row indices by one objective. Each loop sits in its own small
// function so that V8 optimizes it as a whole function (no on-stack replacement on every call).
import { RadixScratch, radixSortByObjective } from './float-radix-sort.js';

/** Ranges up to this length are insertion-sorted. */
const INSERTION_MAX = 16;
/** Bucket levels before a range falls back to the radix sort (skewed or adversarial values). */
const MAX_DEPTH = 3;

/** Scratch buffers of {@link spreadSortByObjective}, indexed like the `order` being sorted. */
export class SpreadScratch {
  readonly rows: Int32Array;
  readonly buckets: Int32Array;
  readonly bucketOf: Int32Array;
  readonly counts: Int32Array;
  low = 0;
  high = 0;
  #radix: RadixScratch | undefined;

  constructor(capacity: number) {
    this.rows = new Int32Array(capacity);
    this.buckets = new Int32Array(capacity);
    this.bucketOf = new Int32Array(capacity);
    this.counts = new Int32Array(capacity);
  }

  /** Scratch of the radix-sort fallback, created on first use. */
  get radix(): RadixScratch {
    this.#radix ??= new RadixScratch(this.rows.length);
    return this.#radix;
  }
}

/**
 * Stably sorts `order[from..to)` (row indices of the row-major matrix f with m columns) by the
 * value in column k: the values' range is cut into as many equal buckets as rows, then each
 * bucket is sorted the same way (insertion sort when short); ranges still unsorted after
 * {@link MAX_DEPTH} levels, or with an infinite span, go to the radix sort. O(n) for smooth
 * distributions, O(n) radix passes at worst. NaN-free input assumed.
 */
export function spreadSortByObjective(
  f: Float64Array,
  m: number,
  k: number,
  order: Int32Array,
  from: number,
  to: number,
  s: SpreadScratch,
  depth = 0,
): void {
  const len = to - from;
  if (len <= INSERTION_MAX) {
    insertionByValue(f, m, k, order, from, to);
    return;
  }
  valueRange(f, m, k, order, from, to, s);
  if (s.low === s.high) return;
  const scale = len / (s.high - s.low);
  if (depth >= MAX_DEPTH || !(scale > 0 && scale < Number.POSITIVE_INFINITY)) {
    radixSortByObjective(f, m, k, order, from, to, s.radix);
    return;
  }
  bucketize(f, m, k, order, from, to, s, scale);
  const { buckets } = s;
  let i = from;
  while (i < to) {
    const b = buckets[i]!;
    let j = i + 1;
    while (j < to && buckets[j] === b) j++;
    if (j - i > 1) spreadSortByObjective(f, m, k, order, i, j, s, depth + 1);
    i = j;
  }
}

/** Sets s.low and s.high to the smallest and largest value of column k over order[from..to). */
function valueRange(
  f: Float64Array,
  m: number,
  k: number,
  order: Int32Array,
  from: number,
  to: number,
  s: SpreadScratch,
): void {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let i = from; i < to; i++) {
    const v = f[order[i]! * m + k]!;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  s.low = low;
  s.high = high;
}

/** Stable counting sort of order[from..to) by bucket ⌊(v - low)·scale⌋; s.buckets[i] gets each row's bucket. */
function bucketize(
  f: Float64Array,
  m: number,
  k: number,
  order: Int32Array,
  from: number,
  to: number,
  s: SpreadScratch,
  scale: number,
): void {
  const len = to - from;
  const { counts, bucketOf } = s;
  countBuckets(f, m, k, order, from, to, s, scale);
  let sum = from;
  for (let b = 0; b < len; b++) {
    const c = counts[b]!;
    counts[b] = sum;
    sum += c;
  }
  const { rows, buckets } = s;
  for (let i = from; i < to; i++) {
    const b = bucketOf[i]!;
    const at = counts[b]!++;
    rows[at] = order[i]!;
    buckets[at] = b;
  }
  order.set(rows.subarray(from, to), from);
}

function countBuckets(
  f: Float64Array,
  m: number,
  k: number,
  order: Int32Array,
  from: number,
  to: number,
  s: SpreadScratch,
  scale: number,
): void {
  const len = to - from;
  const { counts, bucketOf, low } = s;
  counts.fill(0, 0, len);
  const last = len - 1;
  for (let i = from; i < to; i++) {
    const b = ((f[order[i]! * m + k]! - low) * scale) | 0;
    const c = Math.min(b, last);
    bucketOf[i] = c;
    counts[c]!++;
  }
}

/** Stable insertion sort of order[from..to) by column k. O(n^2), for short ranges. */
export function insertionByValue(
  f: Float64Array,
  m: number,
  k: number,
  order: Int32Array,
  from: number,
  to: number,
): void {
  for (let i = from + 1; i < to; i++) {
    const row = order[i]!;
    const v = f[row * m + k]!;
    let j = i - 1;
    while (j >= from && f[order[j]! * m + k]! > v) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = row;
  }
}
