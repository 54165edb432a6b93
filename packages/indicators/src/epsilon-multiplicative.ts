import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { readPair } from './internal/distance.js';
import { epsilonIndicator } from './internal/epsilon.js';
import type { Packed } from './internal/read-points.js';
import type { PointSet } from './point-set.js';

/**
 * Multiplicative epsilon indicator (Zitzler, Thiele, Laumanns, Fonseca & Grunert da Fonseca
 * 2003): the smallest eps such that every reference point is weakly dominated by some point of
 * the set divided by eps in every objective,
 * `eps*(A, Z) = max_{z in Z} min_{a in A} max_k (a_k / z_k)`. Lower is better; 1 or less means A
 * weakly dominates Z; an empty set gives Infinity. Every value must be positive (the ratio is
 * meaningless otherwise). No normalization option: the indicator is already invariant to
 * scaling an objective. O(|A| · |Z| · d).
 *
 * @throws {InvalidArgumentError} for a value that is not positive, an empty reference front, NaN
 * or infinite values.
 * @throws {DimensionMismatchError} when the two sets have different numbers of objectives.
 *
 * @example
 * epsilonMultiplicative([[2, 4]], [[1, 4], [4, 1]]) // => 4
 */
export function epsilonMultiplicative(points: PointSet, referenceFront: PointSet): number {
  const { a, z } = readPair(points, referenceFront, undefined);
  checkPositive(z, 'reference front');
  checkPositive(a, 'points');
  if (a.n === 0) return Number.POSITIVE_INFINITY;
  return epsilonIndicator(a, z, (value, reference) => value / reference);
}

function checkPositive(p: Packed, what: string): void {
  for (let i = 0; i < p.n * p.d; i++) {
    if (!(p.data[i]! > 0)) {
      throw new InvalidArgumentError({
        argument: `${what}, row ${Math.floor(i / p.d)}, objective ${i % p.d}`,
        expected: 'a positive number (the multiplicative epsilon divides by the values)',
        actual: p.data[i],
        hint: 'Shift the objectives so they are positive, or use epsilonAdditive.',
      });
    }
  }
}
