import type { DistanceIndicatorOptions } from './igd.js';
import { readPair } from './internal/distance.js';
import { epsilonIndicator } from './internal/epsilon.js';
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
  return epsilonIndicator(a, z, (value, reference) => value - reference);
}
