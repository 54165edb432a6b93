import { orderBy, sortByKey } from './sort.js';

/** The orders a 3-D sweep needs: rows by z, and each row's rank by (x, y) with x, y in that order. */
export interface SweepOrder3d {
  /** z of the rows, ascending, and the rows in that order. */
  readonly zKeys: Float64Array;
  readonly zOrder: Int32Array;
  /** The rows in (x, y) order, each row's rank in it, and x, y by rank (one spare slot at the end). */
  readonly byX: Int32Array;
  readonly rank: Int32Array;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
}

/** Sorts `n` rows of 3 values for a sweep on z over the (x, y) staircase. O(n log n). */
export function sweepOrder3d(data: Float64Array, n: number): SweepOrder3d {
  const zKeys = new Float64Array(n);
  const zOrder = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    zKeys[i] = data[3 * i + 2]!;
    zOrder[i] = i;
  }
  sortByKey(zKeys, zOrder, 0, n);
  const byX = orderBy(data, n, 3, 0, 1);
  const rank = new Int32Array(n);
  const xs = new Float64Array(n + 1);
  const ys = new Float64Array(n + 1);
  for (let r = 0; r < n; r++) {
    const i = byX[r]!;
    rank[i] = r;
    xs[r] = data[3 * i]!;
    ys[r] = data[3 * i + 1]!;
  }
  return { zKeys, zOrder, byX, rank, xs, ys };
}
