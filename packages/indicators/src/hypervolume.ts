import { hvOfPacked } from './internal/hv-recursive.js';
import { readPoints, readVector } from './internal/read-points.js';
import type { PointSet } from './point-set.js';

/** Options of {@link hypervolume} and {@link hypervolumeContributions}. */
export interface HypervolumeOptions {
  /** The reference point: one finite value per objective, worse than the points that count. */
  readonly reference: ArrayLike<number>;
}

/**
 * Exact hypervolume (minimization): the Lebesgue measure of the region dominated by the points
 * and bounded above by the reference point.
 *
 * Points that do not strictly dominate the reference point add nothing; dominated points and
 * duplicates are fine; an empty set gives 0. The algorithm depends on the number of objectives d:
 * d = 2 a staircase sweep, O(n log n); d = 3 a sweep on z over a 2-D staircase (HV3D+ style),
 * O(n log n); d = 4 HV4D+, O(n^2); d = 5 a dimension sweep whose 4-D base case returns one
 * point's contribution, O(n^3) worst case; d >= 6 WFG, whose 5-D limit sets go to a sweep of
 * 4-D contributions again (exponential in d in the worst case, fast on the usual fronts).
 *
 * @throws {DimensionMismatchError} if the reference point or a row has the wrong length.
 * @throws {InvalidArgumentError} if the reference point has a non-finite value, or a point has a
 * NaN or -Infinity (+Infinity is accepted: such a point lies beyond the reference).
 *
 * @example
 * hypervolume([[1, 2], [2, 1]], { reference: [3, 3] }) // => 3
 */
export function hypervolume(points: PointSet, options: HypervolumeOptions): number {
  const ref = readVector(options?.reference, 'reference point', -1);
  const { n, d, data } = readPoints(points, {
    what: 'points',
    cols: ref.length,
    colsFrom: 'reference point',
    allowPositiveInfinity: true,
    keepBelow: ref,
    borrow: true, // the algorithms only read the points
  });
  return hvOfPacked(data, n, d, ref);
}
