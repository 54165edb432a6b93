import { EUCLIDEAN, meanNearest, type NormalizeOptions, readPair } from './internal/distance.js';
import type { PointSet } from './point-set.js';

/** Options of {@link igd}, {@link igdPlus}, {@link gd}, {@link gdPlus} and {@link epsilonAdditive}. */
export type DistanceIndicatorOptions = NormalizeOptions;

/**
 * Inverted generational distance (Coello & Reyes-Sierra 2004; p = 1, as pymoo computes it): the
 * mean, over the reference front Z, of the Euclidean distance to the nearest point of the set A,
 * `IGD(A, Z) = (1/|Z|) sum_{z in Z} min_{a in A} ||a - z||`. Lower is better; an empty set gives
 * Infinity. Optionally normalized by `{ ideal, nadir }`. O(|A| · |Z| · d).
 *
 * @throws {InvalidArgumentError} for an empty reference front, NaN or infinite values, or bad
 * ideal / nadir points.
 * @throws {DimensionMismatchError} when the two sets have different numbers of objectives.
 *
 * @example
 * igd([[0, 1], [1, 0]], [[0, 1], [0.5, 0.5], [1, 0]]) // => Math.SQRT1_2 / 3
 */
export function igd(points: PointSet, referenceFront: PointSet, options?: DistanceIndicatorOptions): number {
  const { a, z } = readPair(points, referenceFront, options);
  return a.n === 0 ? Number.POSITIVE_INFINITY : meanNearest(z, a, EUCLIDEAN);
}
