// The 2-D hypervolume contributions of src/internal/hvc2d.ts in WebAssembly linear memory, sort
// included: the points are ordered by (x, y) here (a bucket pass on x, then each bucket sorted),
// not by the JavaScript's sort. Only exact duplicates can come in another order, and both copies
// contribute 0 in either, so the results are the JavaScript's bits.

let points: usize = 0;
let out: usize = 0;
let order: usize = 0;
let counts: usize = 0;

/** Bytes for n points: the points (n x 2 f64), the output (n f64), then the sort's scratch. */
export function contributions2dBytes(n: i32): usize {
  return <usize>n * 28 + 4;
}

/** Lays the sweep out at `at` (8-byte aligned) for n points. */
export function contributions2dAt(at: usize, n: i32): void {
  const size = <usize>n;
  points = at;
  out = points + (size << 4);
  order = out + (size << 3);
  counts = order + (size << 2);
}

function X(i: i32): f64 {
  return load<f64>(points + ((<usize>i) << 4));
}
function Y(i: i32): f64 {
  return load<f64>(points + ((<usize>i) << 4), 8);
}
function at(array: usize, k: i32): usize {
  return array + ((<usize>k) << 2);
}
function before(a: i32, b: i32): bool {
  const xa = X(a);
  const xb = X(b);
  return xa < xb || (xa === xb && Y(a) < Y(b));
}

/**
 * Each point's exclusive contribution, written to the output (0 for the dominated ones): the
 * staircase pass of hvc2d after sorting by (x, y). O(n) on evenly spread x, O(n log n) worst case.
 */
export function contributions2d(n: i32, rx: f64, ry: f64): void {
  sortByXY(n);
  memory.fill(out, 0, (<usize>n) << 3);
  let k = 0;
  let top = ry; // y of the previous staircase point
  while (k < n) {
    const p = load<i32>(at(order, k));
    const x = X(p);
    const y = Y(p);
    let end = k + 1;
    while (end < n && Y(load<i32>(at(order, end))) >= y) end++;
    const right = end < n ? X(load<i32>(at(order, end))) : rx;
    let area = (right - x) * (top - y);
    let low = top;
    for (let j = k + 1; j < end; j++) {
      const q = load<i32>(at(order, j));
      const qy = Y(q);
      if (qy < low) {
        area -= (right - X(q)) * (low - qy);
        low = qy;
      }
    }
    store<f64>(out + ((<usize>p) << 3), max(area, 0)); // rounding can leave -1e-17 for 0
    top = y;
    k = end;
  }
}

/** Writes the points 0..n-1 to `order` sorted by (x, y). */
function sortByXY(n: i32): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = min(lo, X(i));
    hi = max(hi, X(i));
  }
  const width = hi - lo;
  // Bucket floor((x - lo) * scale) in [0, n), monotone in x (scale shrunk so the largest lands below n).
  const scale = (<f64>n * (1 - 2 ** -50)) / width;
  if (!(width > 0 && scale < Infinity)) {
    for (let i = 0; i < n; i++) store<i32>(at(order, i), i);
    quickSort(0, n);
    return;
  }
  memory.fill(counts, 0, (<usize>(n + 1)) << 2);
  for (let i = 0; i < n; i++) {
    const b = <i32>((X(i) - lo) * scale);
    store<i32>(at(counts, b + 1), load<i32>(at(counts, b + 1)) + 1);
  }
  for (let b = 0; b < n; b++)
    store<i32>(at(counts, b + 1), load<i32>(at(counts, b + 1)) + load<i32>(at(counts, b)));
  for (let i = 0; i < n; i++) {
    const b = <i32>((X(i) - lo) * scale);
    const slot = load<i32>(at(counts, b));
    store<i32>(at(counts, b), slot + 1);
    store<i32>(at(order, slot), i);
  }
  // counts[b] is now where bucket b ends.
  let start = 0;
  for (let b = 0; b < n; b++) {
    const end = load<i32>(at(counts, b));
    if (end - start > 1) quickSort(start, end);
    start = end;
  }
}

/** Sorts order[lo..hi) by (x, y): quicksort (median of three), insertion sort below 16. */
function quickSort(lo: i32, hi: i32): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    const last = hi - 1;
    if (before(load<i32>(at(order, mid)), load<i32>(at(order, lo)))) swap(mid, lo);
    if (before(load<i32>(at(order, last)), load<i32>(at(order, lo)))) swap(last, lo);
    if (before(load<i32>(at(order, last)), load<i32>(at(order, mid)))) swap(last, mid);
    const pivot = load<i32>(at(order, mid));
    let i = lo - 1;
    let j = hi;
    for (;;) {
      do i++;
      while (before(load<i32>(at(order, i)), pivot));
      do j--;
      while (before(pivot, load<i32>(at(order, j))));
      if (i >= j) break;
      swap(i, j);
    }
    if (j + 1 - lo < hi - j - 1) {
      quickSort(lo, j + 1);
      lo = j + 1;
    } else {
      quickSort(j + 1, hi);
      hi = j + 1;
    }
  }
  for (let i = lo + 1; i < hi; i++) {
    const v = load<i32>(at(order, i));
    let j = i - 1;
    while (j >= lo && before(v, load<i32>(at(order, j)))) {
      store<i32>(at(order, j + 1), load<i32>(at(order, j)));
      j--;
    }
    store<i32>(at(order, j + 1), v);
  }
}

function swap(a: i32, b: i32): void {
  const t = load<i32>(at(order, a));
  store<i32>(at(order, a), load<i32>(at(order, b)));
  store<i32>(at(order, b), t);
}
