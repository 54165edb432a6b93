import { canPackSort, PackedScratch, packedScratch, packedSortByObjective } from './packed-key-sort.js';
import { SpreadScratch, spreadSortByObjective } from './spread-sort.js';

/** Ranges up to this length are insertion-sorted rather than radix-sorted. */
const INSERTION_MAX = 24;

/**
 * Sorts `order` (ascending row indices of the row-major matrix f with m columns) lexicographically
 * by the rows' values, equal rows by index: a stable sort on column 0 (the engine's native sort
 * of packed keys up to 2,048 rows, else a bucket sort, radix sort for skewed values), then the
 * same on column 1 within each run of equal values in column 0, and so on. O(N log N) native
 * comparisons below 2,048 rows, else O(N) per column with ties for smooth value distributions;
 * NaN-free input assumed.
 */
export function lexicographicOrder(f: Float64Array, m: number, order: Int32Array): void {
  if (order.length < 2) return;
  const n = order.length;
  const scratch = n <= INSERTION_MAX ? undefined : canPackSort(n) ? packedScratch(n) : new SpreadScratch(n);
  sortRange(f, m, 0, order, 0, order.length, scratch);
}

/** Sorts order[from..to), whose rows agree on the columns before k, by columns k.. then index. */
function sortRange(
  f: Float64Array,
  m: number,
  k: number,
  order: Int32Array,
  from: number,
  to: number,
  scratch: PackedScratch | SpreadScratch | undefined,
): void {
  if (to - from <= INSERTION_MAX || scratch === undefined) {
    insertionSort(f, m, k, order, from, to);
    return;
  }
  if (scratch instanceof PackedScratch) {
    if (!packedSortByObjective(f, m, k, order, from, to, scratch)) return; // no equal values
  } else spreadSortByObjective(f, m, k, order, from, to, scratch);
  if (k + 1 === m) return;
  let i = from;
  while (i < to) {
    const v = f[order[i]! * m + k]!;
    let j = i + 1;
    while (j < to && f[order[j]! * m + k] === v) j++;
    if (j - i > 1) sortRange(f, m, k + 1, order, i, j, scratch);
    i = j;
  }
}

/** Insertion sort of order[from..to) by columns k..m-1, then index. O(n^2), for short ranges. */
function insertionSort(
  f: Float64Array,
  m: number,
  k: number,
  order: Int32Array,
  from: number,
  to: number,
): void {
  for (let i = from + 1; i < to; i++) {
    const row = order[i]!;
    let j = i - 1;
    while (j >= from && rowAfter(f, m, k, order[j]!, row)) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = row;
  }
}

/** Whether row a comes after row b by columns k..m-1, then index. */
function rowAfter(f: Float64Array, m: number, k: number, a: number, b: number): boolean {
  for (let c = k; c < m; c++) {
    const x = f[a * m + c]!;
    const y = f[b * m + c]!;
    if (x !== y) return x > y;
  }
  return a > b;
}
