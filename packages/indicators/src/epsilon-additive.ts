import type { DistanceIndicatorOptions } from './igd.js';
import { readPair } from './internal/distance.js';
import type { PointSet } from './point-set.js';

/**
 * Additive epsilon indicator (Zitzler, Thiele, Laumanns, Fonseca & Grunert da Fonseca 2003): the
 * smallest eps such that every reference point is weakly dominated by some point of the set
 * shifted by -eps in every objective,
 * `eps+(A, Z) = max_{z in Z} min_{a in A} max_k (a_k - z_k)`. Lower is better; 0 or less means A
 * weakly dominates Z; an empty set gives Infinity. Optionally normalized by `{ ideal, nadir }`.
 * O(|A| · |Z| · d).
 *
 * @throws {InvalidArgumentError} for an empty reference front, NaN or infinite values, or bad
 * ideal / nadir points.
 * @throws {DimensionMismatchError} when the two sets have different numbers of objectives.
 *
 * @example
 * epsilonAdditive([[1, 2], [2, 1]], [[0.5, 2], [2, 0]]) // => 1
 */
export function epsilonAdditive(
  points: PointSet,
  referenceFront: PointSet,
  options?: DistanceIndicatorOptions,
): number {
  const { a, z } = readPair(points, referenceFront, options);
  if (a.n === 0) return Number.POSITIVE_INFINITY;
  const { d } = a;
  let worst = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < z.n; j++) {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < a.n && best > worst; i++) {
      let eps = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < d && eps < best; k++) eps = Math.max(eps, a.data[i * d + k]! - z.data[j * d + k]!);
      best = Math.min(best, eps);
    }
    worst = Math.max(worst, best);
  }
  return worst;
}
