// Inputs and the O(M N^2) reference sort shared by the non-dominated sorting benchmarks
// (non-dominated-sort.bench.ts, nds-peers.ts).
import { dominates, Random } from '../src/index.js';

/** Deb's "fast non-dominated sort" (NSGA-II, 2002), O(M N^2): the 0-based front of each row. */
export function debFastNonDominatedSort(f: Float64Array, n: number, m: number): Int32Array {
  const dominatedBy = new Int32Array(n);
  const dominating: number[][] = Array.from({ length: n }, () => []);
  const rank = new Int32Array(n);
  let current: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (dominates(f, i, j, m)) {
        dominating[i]!.push(j);
        dominatedBy[j]!++;
      } else if (dominates(f, j, i, m)) {
        dominating[j]!.push(i);
        dominatedBy[i]!++;
      }
    }
    if (dominatedBy[i] === 0) current.push(i);
  }
  for (let r = 0; current.length > 0; r++) {
    const next: number[] = [];
    for (const i of current) {
      rank[i] = r;
      for (const j of dominating[i]!) if (--dominatedBy[j]! === 0) next.push(j);
    }
    current = next;
  }
  return rank;
}

/**
 * n points with m objectives (row-major), seeded: uniform in the unit cube, or on a concave front
 * (|z| of a Gaussian normalized to the unit sphere, radius spread over [1, 1.2]: few, large fronts).
 */
export function sortPoints(n: number, m: number, concave: boolean, seed: number): Float64Array {
  const r = Random.fromSeed(seed);
  const data = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let k = 0; k < m; k++) {
      const v = concave ? Math.abs(r.normal()) : r.next();
      data[i * m + k] = v;
      norm += v * v;
    }
    // Concave case: spread radii in [1, 1.2] so a few dozen fronts appear.
    if (concave)
      for (let k = 0; k < m; k++)
        data[i * m + k] = (data[i * m + k]! / Math.sqrt(norm)) * (1 + 0.2 * r.next());
  }
  return data;
}
