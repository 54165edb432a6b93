import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { PointSet } from '../point-set.js';
import { columnsOf, type Packed, readPoints, readVector } from './read-points.js';

/** Options shared by the distance and epsilon indicators. */
export interface NormalizeOptions {
  /**
   * With `nadir`: map every objective k to `(f_k - ideal_k) / (nadir_k - ideal_k)` in both sets
   * before measuring (as pymoo's `zero_to_one=True` with given ideal and nadir points).
   */
  readonly ideal?: ArrayLike<number>;
  /** With `ideal`: see there. Every `nadir_k` must exceed `ideal_k`. */
  readonly nadir?: ArrayLike<number>;
}

/**
 * Reads and validates an approximation set and a reference front with the same number of
 * objectives, normalized when the options ask for it. The reference front must not be empty.
 */
export function readPair(
  points: PointSet,
  referenceFront: PointSet,
  options: NormalizeOptions | undefined,
): { a: Packed; z: Packed } {
  const zCols = columnsOf(referenceFront, 'reference front');
  const z = readPoints(referenceFront, { what: 'reference front', cols: -1, allowPositiveInfinity: false });
  if (z.n === 0) {
    throw new InvalidArgumentError({
      argument: 'reference front',
      expected: 'at least one point',
      actual: zCols < 0 ? [] : 'an empty matrix',
      hint: 'The indicator measures the distance to it.',
    });
  }
  const a = readPoints(points, { what: 'points', cols: z.d, allowPositiveInfinity: false });
  const ideal = options?.ideal;
  const nadir = options?.nadir;
  if (ideal !== undefined || nadir !== undefined) {
    if (ideal === undefined || nadir === undefined) {
      throw new InvalidArgumentError({
        argument: ideal === undefined ? 'ideal' : 'nadir',
        expected: 'an array of numbers (normalization needs both ideal and nadir)',
        actual: undefined,
      });
    }
    const lo = readVector(ideal, 'ideal', z.d);
    const hi = readVector(nadir, 'nadir', z.d);
    for (let k = 0; k < z.d; k++) {
      if (!(hi[k]! > lo[k]!)) {
        throw new InvalidArgumentError({
          argument: `nadir[${k}]`,
          expected: `a value greater than ideal[${k}] (${lo[k]})`,
          actual: hi[k],
        });
      }
    }
    normalize(a, lo, hi);
    normalize(z, lo, hi);
  }
  return { a, z };
}

function normalize(p: Packed, ideal: Float64Array, nadir: Float64Array): void {
  const { n, d, data } = p;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) data[i * d + k] = (data[i * d + k]! - ideal[k]!) / (nadir[k]! - ideal[k]!);
  }
}

/**
 * How a pair (u from the outer set, v from the inner one) is measured: 0, Euclidean distance;
 * 1, sqrt(sum max(u_k - v_k, 0)^2), how much u is worse than v (GD+); 2, sqrt(sum max(v_k - u_k,
 * 0)^2), how much v is worse than u (IGD+).
 */
export type Distance = 0 | 1 | 2;
export const EUCLIDEAN: Distance = 0;
export const OUTER_WORSE: Distance = 1;
export const INNER_WORSE: Distance = 2;

/**
 * Mean over the rows of `outer` of the distance to the nearest row of `inner`. Brute force,
 * O(|outer| · |inner| · d), with squared distances in the inner loop and one square root per
 * outer row. `inner` must not be empty.
 */
export function meanNearest(outer: Packed, inner: Packed, kind: Distance): number {
  const { d } = outer;
  const u = outer.data;
  const v = inner.data;
  let sum = 0;
  for (let i = 0; i < outer.n; i++) {
    let best = Number.POSITIVE_INFINITY;
    const o = i * d;
    for (let j = 0; j < inner.n && best > 0; j++) {
      const q = j * d;
      let s = 0;
      for (let k = 0; k < d && s < best; k++) {
        let diff = u[o + k]! - v[q + k]!;
        if (kind === 1) diff = Math.max(diff, 0);
        else if (kind === 2) diff = Math.min(diff, 0);
        s += diff * diff;
      }
      if (s < best) best = s;
    }
    sum += Math.sqrt(best);
  }
  return sum / outer.n;
}
