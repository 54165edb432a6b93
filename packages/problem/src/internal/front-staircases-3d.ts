import { StaircasePool } from './staircase-pool.js';

/** Pools for up to this many rows are kept between calls (about 170 KB, more if a pool grew). */
const SHARED_MAX = 2048;
let shared: StaircasePool | undefined;

/**
 * An empty staircase pool for `n` rows: the shared one up to {@link SHARED_MAX} rows (allocating
 * its six arrays cost about 5 % of sorting 1,000 rows), else a new one. Not reentrant.
 */
function emptyPool(n: number): StaircasePool {
  if (n > SHARED_MAX) return new StaircasePool(n, n);
  if (shared === undefined) shared = new StaircasePool(SHARED_MAX, SHARED_MAX);
  else shared.clear();
  return shared;
}

/**
 * Ranks the rows `order` of the row-major 3-column matrix f, given in lexicographic order (see
 * `lexicographicOrder`), writing each row's 0-based front to `rank[row]`; returns the number of
 * fronts. A point can only be dominated by earlier points, so it is dominated by front k iff the
 * staircase of (f2, f3) of front k's members so far covers it: a binary search. Being dominated
 * by front k implies being dominated by front k - 1, so the fronts are bisected too. Equal rows,
 * adjacent after the sort, share a front (the rows are read in place: no merged copy of the
 * distinct points). O(N log N log R) plus staircase moves.
 */
export function frontStaircases3d(f: Float64Array, order: Int32Array, rank: Int32Array): number {
  const n = order.length;
  const stairs = emptyPool(n);
  const { start } = stairs;
  let fronts = 0;
  let previousX = Number.NaN;
  let previousY = Number.NaN;
  let previousZ = Number.NaN;
  let previousRank = 0;
  for (let i = 0; i < n; i++) {
    const row = order[i]!;
    const x = f[3 * row]!;
    const y = f[3 * row + 1]!;
    const z = f[3 * row + 2]!;
    if (x === previousX && y === previousY && z === previousZ) {
      rank[row] = previousRank;
      continue;
    }
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
    rank[row] = lo;
    previousX = x;
    previousY = y;
    previousZ = z;
    previousRank = lo;
  }
  return fronts;
}
