import type { DistanceIndicatorOptions } from './igd.js';
import { EUCLIDEAN, meanNearest, readPair } from './internal/distance.js';
import type { PointSet } from './point-set.js';

/**
 * Generational distance (Van Veldhuizen & Lamont 1998, with p = 1 as in Coello & Reyes-Sierra
 * 2004 and pymoo): the mean, over the set A, of the Euclidean distance to the nearest point of
 * the reference front Z, `GD(A, Z) = (1/|A|) sum_{a in A} min_{z in Z} ||a - z||`. Lower is
 * better; an empty set gives Infinity. Optionally normalized by `{ ideal, nadir }`.
 * O(|A| · |Z| · d).
 *
 * @throws {InvalidArgumentError} for an empty reference front, NaN or infinite values, or bad
 * ideal / nadir points.
 * @throws {DimensionMismatchError} when the two sets have different numbers of objectives.
 *
 * @example
 * gd([[1, 1]], [[0, 1], [1, 0]]) // => 1
 */
export function gd(points: PointSet, referenceFront: PointSet, options?: DistanceIndicatorOptions): number {
  const { a, z } = readPair(points, referenceFront, options);
  return a.n === 0 ? Number.POSITIVE_INFINITY : meanNearest(a, z, EUCLIDEAN);
}
