import type { DistanceIndicatorOptions } from './igd.js';
import { INNER_WORSE, meanNearest, readPair } from './internal/distance.js';
import type { PointSet } from './point-set.js';

/**
 * IGD+ (Ishibuchi, Masuda, Tanigaki & Nojima 2015), the weakly Pareto-compliant version of IGD:
 * only the amounts by which a point is worse than a reference point count,
 * `IGD+(A, Z) = (1/|Z|) sum_{z in Z} min_{a in A} d+(a, z)` with
 * `d+(a, z) = sqrt(sum_k max(a_k - z_k, 0)^2)`. Lower is better; an empty set gives Infinity.
 * Optionally normalized by `{ ideal, nadir }`. O(|A| · |Z| · d).
 *
 * @throws {InvalidArgumentError} for an empty reference front, NaN or infinite values, or bad
 * ideal / nadir points.
 * @throws {DimensionMismatchError} when the two sets have different numbers of objectives.
 *
 * @example
 * igdPlus([[0, 0.5]], [[0, 1], [1, 0]]) // => 0.25
 */
export function igdPlus(
  points: PointSet,
  referenceFront: PointSet,
  options?: DistanceIndicatorOptions,
): number {
  const { a, z } = readPair(points, referenceFront, options);
  return a.n === 0 ? Number.POSITIVE_INFINITY : meanNearest(z, a, INNER_WORSE);
}
