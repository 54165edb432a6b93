import type { PreparedDirections } from './directions.js';

/** The aggregation's stand-in for a zero weight, as in the original code (K. Li): 1e-4. */
export const ZERO_WEIGHT = 1e-4;

/**
 * Associates rows of `f` (an `n × m` row-major array, or the rows listed in `rows`) with their
 * nearest reference line through `ideal`, following the original C-TAEA code (K. Li): objectives
 * are translated by the ideal point and not normalized; the distance is the perpendicular distance
 * to the line; the fitness is the Tchebycheff aggregation `max_j |f_j - z_j| / w_j` of the
 * associated direction (a zero weight counts as {@link ZERO_WEIGHT}). Ties go to the lowest
 * direction index. Outputs are indexed by position in `rows`. O(n·count·m).
 */
export function associateRows(
  f: Float64Array,
  m: number,
  rows: ArrayLike<number> | null,
  n: number,
  dirs: PreparedDirections,
  ideal: Float64Array,
  niche: Int32Array,
  distance: Float64Array | null,
  fitness: Float64Array | null,
): void {
  const { count, weight, norm, unit } = dirs;
  const p = new Float64Array(m);
  for (let t = 0; t < n; t++) {
    const r = rows === null ? t : rows[t]!;
    const base = r * m;
    for (let j = 0; j < m; j++) p[j] = f[base + j]! - ideal[j]!;
    // The squared perpendicular distance to direction i is |p|² - (p·u_i)², so the nearest line
    // is the one of largest |p·u_i|; the first maximum wins, as the first minimum in the original.
    let best = 0;
    let bestDot = -1;
    for (let i = 0, o = 0; i < count; i++, o += m) {
      let dot = 0;
      for (let j = 0; j < m; j++) dot += p[j]! * unit[o + j]!;
      if (dot < 0) dot = -dot;
      if (dot > bestDot) {
        bestDot = dot;
        best = i;
      }
    }
    niche[t] = best;
    if (distance !== null) {
      // The distance itself as the original computes it (no cancellation in |p|² - d1²).
      const o = best * m;
      let dot = 0;
      for (let j = 0; j < m; j++) dot += p[j]! * weight[o + j]!;
      const d1 = Math.abs(dot) / norm[best]!;
      let sq = 0;
      for (let j = 0; j < m; j++) {
        const e = p[j]! - d1 * unit[o + j]!;
        sq += e * e;
      }
      distance[t] = Math.sqrt(sq);
    }
    if (fitness !== null) {
      let worst = -1;
      const o = best * m;
      for (let j = 0; j < m; j++) {
        const w = weight[o + j]!;
        const v = Math.abs(p[j]!) / (w === 0 ? ZERO_WEIGHT : w);
        if (v > worst) worst = v;
      }
      fitness[t] = worst;
    }
  }
}
