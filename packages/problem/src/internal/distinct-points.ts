/** The distinct rows of a matrix, in lexicographic order (see {@link distinctPoints}). */
export interface DistinctPoints {
  /** Number of distinct points. */
  readonly count: number;
  /** Point of each entry of the sorted `order`: pointAt[i] is the point of row order[i]. */
  readonly pointAt: Int32Array;
  /** The points' values, row-major (count x m), in lexicographic order. */
  readonly values: Float64Array;
}

/**
 * Merges equal rows: given `order`, the rows of the row-major matrix f (m columns) sorted
 * lexicographically, numbers the distinct rows 0, 1, ... in that order and copies their values.
 * After this a point can only be dominated by a point with a smaller number. O(M N).
 */
export function distinctPoints(f: Float64Array, m: number, order: Int32Array): DistinctPoints {
  const n = order.length;
  const pointAt = new Int32Array(n);
  const values = new Float64Array(n * m);
  let count = 0;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const row = order[i]!;
    if (previous < 0 || !sameRow(f, m, previous, row)) {
      for (let k = 0; k < m; k++) values[count * m + k] = f[row * m + k]!;
      count++;
    }
    pointAt[i] = count - 1;
    previous = row;
  }
  return { count, pointAt, values: values.subarray(0, count * m) };
}

function sameRow(f: Float64Array, m: number, a: number, b: number): boolean {
  for (let k = 0; k < m; k++) if (f[a * m + k] !== f[b * m + k]) return false;
  return true;
}
