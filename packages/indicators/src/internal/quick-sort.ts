/**
 * Sorts `keys[lo..hi)` ascending and applies the same permutation to `idx[lo..hi)`.
 *
 * A hand-written quicksort (median of three, Hoare partition, insertion sort below 24 items,
 * recursion on the smaller side) rather than `Array.prototype.sort` with a comparator: the typed
 * arrays stay unboxed and there is no callback per comparison. O(n log n) expected, O(log n)
 * stack. Not stable. Keys must not be NaN. {@link sortByKey} picks it for short ranges.
 *
 * @example
 * const keys = Float64Array.of(0.5, -1, 0.25);
 * const idx = Int32Array.of(0, 1, 2);
 * quickSortByKey(keys, idx, 0, 3); // keys => [-1, 0.25, 0.5], idx => [1, 2, 0]
 */
export function quickSortByKey(keys: Float64Array, idx: Int32Array, lo: number, hi: number): void {
  while (hi - lo > 24) {
    const mid = (lo + hi) >>> 1;
    const last = hi - 1;
    // Median of three into keys[mid].
    if (keys[mid]! < keys[lo]!) swap(keys, idx, mid, lo);
    if (keys[last]! < keys[lo]!) swap(keys, idx, last, lo);
    if (keys[last]! < keys[mid]!) swap(keys, idx, last, mid);
    const pivot = keys[mid]!;
    let i = lo - 1;
    let j = hi;
    for (;;) {
      do i++;
      while (keys[i]! < pivot);
      do j--;
      while (keys[j]! > pivot);
      if (i >= j) break;
      swap(keys, idx, i, j);
    }
    // [lo, j] <= pivot <= [j + 1, hi)
    if (j + 1 - lo < hi - j - 1) {
      quickSortByKey(keys, idx, lo, j + 1);
      lo = j + 1;
    } else {
      quickSortByKey(keys, idx, j + 1, hi);
      hi = j + 1;
    }
  }
  insertionSort(keys, idx, lo, hi);
}

/** Insertion sort of `keys[lo..hi)` with `idx` alike: O(n^2), for the short ranges left. */
function insertionSort(keys: Float64Array, idx: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const k = keys[i]!;
    const v = idx[i]!;
    let j = i - 1;
    while (j >= lo && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      idx[j + 1] = idx[j]!;
      j--;
    }
    keys[j + 1] = k;
    idx[j + 1] = v;
  }
}

function swap(keys: Float64Array, idx: Int32Array, a: number, b: number): void {
  const k = keys[a]!;
  keys[a] = keys[b]!;
  keys[b] = k;
  const v = idx[a]!;
  idx[a] = idx[b]!;
  idx[b] = v;
}
