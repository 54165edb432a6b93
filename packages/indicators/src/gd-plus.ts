import type { DistanceIndicatorOptions } from './igd.js';
import { meanNearest, OUTER_WORSE, readPair } from './internal/distance.js';
import type { PointSet } from './point-set.js';

/**
 * GD+ (Ishibuchi, Masuda, Tanigaki & Nojima 2015): GD with the distance d+(a, z) =
 * `sqrt(sum_k max(a_k - z_k, 0)^2)`, which ignores the objectives where a is better than z:
 * `GD+(A, Z) = (1/|A|) sum_{a in A} min_{z in Z} d+(a, z)`. Lower is better; an empty set gives
 * Infinity. Optionally normalized by `{ ideal, nadir }`. O(|A| · |Z| · d).
 *
 * @throws {InvalidArgumentError} for an empty reference front, NaN or infinite values, or bad
 * ideal / nadir points.
 * @throws {DimensionMismatchError} when the two sets have different numbers of objectives.
 *
 * @example
 * gdPlus([[0, 0], [1, 1]], [[0, 1], [1, 0]]) // => 0.5
 */
export function gdPlus(
  points: PointSet,
  referenceFront: PointSet,
  options?: DistanceIndicatorOptions,
): number {
  const { a, z } = readPair(points, referenceFront, options);
  return a.n === 0 ? Number.POSITIVE_INFINITY : meanNearest(a, z, OUTER_WORSE);
}
