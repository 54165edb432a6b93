/**
 * Up to this many rows, the fronts' smallest f2 go to one array kept between calls (16 KB):
 * allocating it cost about 8 % of a 1,000-row sort.
 */
const SHARED_MAX = 2048;
const sharedLast = new Float64Array(SHARED_MAX);

/**
 * Ranks the rows `order` of the row-major 2-column matrix f, given in lexicographic order (see
 * `lexicographicOrder`), writing each row's 0-based front to `rank[row]`; returns the number of
 * fronts. Jensen's (2003) sweep: a point can only be dominated by earlier points, front k is
 * dominated-free for a point iff its smallest second objective so far (that of its latest
 * member) is above the point's, and these minima grow with k, so the front is found by
 * bisection. Equal rows, adjacent after the sort, share a front. O(N log R) for R fronts; works
 * on the rows in place (no merged copy of the distinct points, which cost about a tenth of a
 * 1,000-row sort).
 */
export function frontSweep2d(f: Float64Array, order: Int32Array, rank: Int32Array): number {
  const n = order.length;
  const last = n <= SHARED_MAX ? sharedLast : new Float64Array(n);
  let fronts = 0;
  let previousX = Number.NaN;
  let previousY = Number.NaN;
  let previousRank = 0;
  for (let i = 0; i < n; i++) {
    const row = order[i]!;
    const x = f[row << 1]!;
    const y = f[(row << 1) | 1]!;
    if (x === previousX && y === previousY) {
      rank[row] = previousRank;
      continue;
    }
    let lo = 0;
    let hi = fronts;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (last[mid]! <= y) lo = mid + 1;
      else hi = mid;
    }
    last[lo] = y;
    if (lo === fronts) fronts++;
    rank[row] = lo;
    previousX = x;
    previousY = y;
    previousRank = lo;
  }
  return fronts;
}
