/**
 * Ranks distinct 2-objective points given in lexicographic order (row-major `values`, count x 2),
 * writing each point's 0-based front to `rank`; returns the number of fronts. Jensen's (2003)
 * sweep: a point can only be dominated by earlier points, front k is dominated-free for a point
 * iff its smallest second objective so far (that of its latest member) is above the point's, and
 * these minima grow with k, so the front is found by bisection. O(N log R) for R fronts.
 */
export function frontSweep2d(values: Float64Array, count: number, rank: Int32Array): number {
  const last = new Float64Array(count);
  let fronts = 0;
  for (let p = 0; p < count; p++) {
    const v = values[2 * p + 1]!;
    let lo = 0;
    let hi = fronts;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (last[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    last[lo] = v;
    if (lo === fronts) fronts++;
    rank[p] = lo;
  }
  return fronts;
}
