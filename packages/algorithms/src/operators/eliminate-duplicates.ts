import { DimensionMismatchError, InvalidArgumentError, type Matrix } from '@paretokit/problem';

/**
 * Indices (ascending) of the rows of `candidates` that duplicate neither an earlier candidate nor a
 * row of any `existing` matrix, two rows being duplicates when their largest absolute difference is
 * `<= tolerance` (default 1e-16, as pymoo's `DefaultDuplicateElimination`). O((n + E)·(d + log(n + E)))
 * for n candidates and E existing rows when rows are distinct; O(n·(n + E)·d) in the worst case of
 * many rows with nearly equal sums.
 *
 * @example
 * eliminateDuplicates(toMatrix([[0, 1], [0, 1], [2, 2]]), [toMatrix([[2, 2]])]) // => Int32Array [0]
 */
export function eliminateDuplicates(
  candidates: Matrix,
  existing: readonly Matrix[] = [],
  tolerance = 1e-16,
): Int32Array {
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new InvalidArgumentError({
      argument: 'eliminateDuplicates: tolerance',
      expected: 'a finite number >= 0',
      actual: tolerance,
    });
  }
  const d = candidates.cols;
  for (const [k, m] of existing.entries()) {
    if (m.cols !== d && m.rows > 0) {
      throw new DimensionMismatchError({
        what: `eliminateDuplicates: existing[${k}]`,
        expected: d,
        actual: m.cols,
        unit: 'columns (one per variable)',
      });
    }
  }
  // Rows within `tolerance` of each other have row sums within d·tolerance (plus rounding), so a
  // candidate whose sum has no other sum nearby is unique: a sorted array of sums settles most
  // candidates by binary search, and rows are compared entry by entry only for nearby sums.
  const n = candidates.rows;
  let total = n;
  for (const m of existing) total += m.rows;
  const sums = new Float64Array(total);
  let largest = 0;
  let offset = 0;
  for (const m of [...existing, candidates]) {
    for (let r = 0; r < m.rows; r++) {
      let sum = 0;
      let abs = 0;
      for (let j = r * d, end = j + d; j < end; j++) {
        sum += m.data[j]!;
        abs += Math.abs(m.data[j]!);
      }
      sums[offset++] = sum;
      if (abs > largest) largest = abs;
    }
  }
  const sorted = sums.slice().sort();
  const window = d * tolerance + 4 * d * Number.EPSILON * largest;
  const first = total - n;
  const kept = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const key = sums[first + i]!;
    const near = Number.isFinite(key)
      ? rankOf(sorted, key + window, true) - rankOf(sorted, key - window, false)
      : total;
    if (near <= 1 || !hasTwin(candidates, i, existing, sums, key, window, tolerance)) kept[count++] = i;
  }
  return kept.slice(0, count);
}

/** True if row i of `candidates` matches an existing row or an earlier candidate (sums within `window`). */
function hasTwin(
  candidates: Matrix,
  i: number,
  existing: readonly Matrix[],
  sums: Float64Array,
  key: number,
  window: number,
  tolerance: number,
): boolean {
  const d = candidates.cols;
  const c = candidates.data;
  let offset = 0;
  for (const m of existing) {
    for (let r = 0; r < m.rows; r++, offset++) {
      if (!(Math.abs(sums[offset]! - key) > window) && sameRow(c, i * d, m.data, r * d, d, tolerance))
        return true;
    }
  }
  for (let t = 0; t < i; t++) {
    if (!(Math.abs(sums[offset + t]! - key) > window) && sameRow(c, i * d, c, t * d, d, tolerance))
      return true;
  }
  return false;
}

/** Number of values of `sorted` below `v` (or `<= v` when `inclusive`). O(log n). */
function rankOf(sorted: Float64Array, v: number, inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = sorted[mid]!;
    if (x < v || (inclusive && x === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameRow(
  a: Float64Array,
  ia: number,
  b: Float64Array,
  ib: number,
  d: number,
  tolerance: number,
): boolean {
  for (let j = 0; j < d; j++) {
    const diff = a[ia + j]! - b[ib + j]!;
    if (!(diff <= tolerance && diff >= -tolerance)) return false; // NaN matches nothing
  }
  return true;
}
