import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import type { HypervolumeOptions } from './hypervolume.js';
import { checkSeed, Xoshiro128 } from './internal/random.js';
import { readPoints, readVector } from './internal/read-points.js';
import type { PointSet } from './point-set.js';

/** Options of {@link approximateHypervolume}. */
export interface ApproximateHypervolumeOptions extends HypervolumeOptions {
  /** Number of uniform samples (default 100,000). The standard error falls as 1/sqrt(samples). */
  readonly samples?: number;
  /** Seed of the sample stream, a non-negative safe integer (default 1): same seed, same estimate. */
  readonly seed?: number;
}

/** A Monte Carlo estimate of the hypervolume. */
export interface HypervolumeEstimate {
  /** The estimated hypervolume. */
  readonly value: number;
  /** Its standard error, `box volume * sqrt(p (1 - p) / samples)` for a hit fraction p. */
  readonly standardError: number;
  /** The number of samples drawn (0 when no point dominates the reference point). */
  readonly samples: number;
}

/**
 * Monte Carlo estimate of the hypervolume, for many objectives where the exact computation is
 * too slow: uniform samples in the box between the ideal point of the set (its coordinate-wise
 * minimum) and the reference point; the estimate is the box volume times the fraction of samples
 * some point weakly dominates (as in HypE, Bader & Zitzler 2011). Reproducible: the samples come
 * from a seeded xoshiro128** stream, never from global random state.
 *
 * O(samples · n · d) in the worst case; points are tried largest box first, and the last point
 * that dominated a sample first, so dominated samples are usually found after a few tests.
 *
 * @throws {InvalidArgumentError} for a bad `samples` or `seed`, and as {@link hypervolume} does.
 * @throws {DimensionMismatchError} as {@link hypervolume} does.
 *
 * @example
 * approximateHypervolume([[0, 0]], { reference: [1, 1], samples: 1000, seed: 7 }).value // => 1
 */
export function approximateHypervolume(
  points: PointSet,
  options: ApproximateHypervolumeOptions,
): HypervolumeEstimate {
  const ref = readVector(options?.reference, 'reference point', -1);
  const samples = options.samples ?? 100_000;
  if (typeof samples !== 'number' || !Number.isSafeInteger(samples) || samples < 1) {
    throw new InvalidArgumentError({ argument: 'samples', expected: 'a positive integer', actual: samples });
  }
  const seed = checkSeed(options.seed ?? 1);
  const { n, d, data } = readPoints(points, {
    what: 'points',
    cols: ref.length,
    colsFrom: 'reference point',
    allowPositiveInfinity: true,
    keepBelow: ref,
  });
  if (n === 0) return { value: 0, standardError: 0, samples: 0 };

  const ideal = new Float64Array(d).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) ideal[k] = Math.min(ideal[k]!, data[i * d + k]!);
  let box = 1;
  for (let k = 0; k < d; k++) box *= ref[k]! - ideal[k]!;

  // Largest boxes first: they dominate the most samples.
  const volume = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = 1;
    for (let k = 0; k < d; k++) v *= ref[k]! - data[i * d + k]!;
    volume[i] = v;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => volume[b]! - volume[a]!);
  const sorted = new Float64Array(n * d);
  for (let i = 0; i < n; i++) sorted.set(data.subarray(order[i]! * d, order[i]! * d + d), i * d);

  const random = new Xoshiro128(seed);
  const sample = new Float64Array(d);
  const width = new Float64Array(d);
  for (let k = 0; k < d; k++) width[k] = ref[k]! - ideal[k]!;
  let hits = 0;
  let last = 0; // the point that dominated the previous dominated sample
  for (let s = 0; s < samples; s++) {
    for (let k = 0; k < d; k++) sample[k] = ideal[k]! + random.nextDouble() * width[k]!;
    if (dominatesSample(sorted, last, d, sample)) {
      hits++;
      continue;
    }
    for (let i = 0; i < n; i++) {
      if (i !== last && dominatesSample(sorted, i, d, sample)) {
        hits++;
        last = i;
        break;
      }
    }
  }
  const p = hits / samples;
  return { value: box * p, standardError: box * Math.sqrt((p * (1 - p)) / samples), samples };
}

function dominatesSample(points: Float64Array, i: number, d: number, sample: Float64Array): boolean {
  const o = i * d;
  for (let k = 0; k < d; k++) if (points[o + k]! > sample[k]!) return false;
  return true;
}
