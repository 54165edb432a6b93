import { StaircasePool } from './staircase-pool.js';

/**
 * Ranks distinct 3-objective points given in lexicographic order (row-major `values`, count x 3),
 * writing each point's 0-based front to `rank`; returns the number of fronts. A point can only be
 * dominated by earlier points, so it is dominated by front k iff the staircase of (f2, f3) of
 * front k's members so far covers it: a binary search. Being dominated by front k implies being
 * dominated by front k - 1, so the fronts are bisected too. O(N log N log R) plus staircase moves.
 */
export function frontStaircases3d(values: Float64Array, count: number, rank: Int32Array): number {
  const stairs = new StaircasePool(count, count);
  const { start } = stairs;
  let fronts = 0;
  for (let p = 0; p < count; p++) {
    const y = values[3 * p + 1]!;
    const z = values[3 * p + 2]!;
    let lo = 0;
    let hi = fronts;
    let j = -1; // floor(hi, y) once a probe has set hi
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = stairs.floor(mid, y);
      if (at >= start[mid]! && stairs.zs[at]! <= z) lo = mid + 1;
      else {
        hi = mid;
        j = at;
      }
    }
    if (lo === fronts) fronts++;
    stairs.insert(lo, y, z, j);
    rank[p] = lo;
  }
  return fronts;
}
