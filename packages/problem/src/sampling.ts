import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import type { Matrix } from './matrix.js';
import { type Random, toRandom } from './random.js';
import { variableSpace } from './variable-space.js';
import type { Variable, VariableSpec } from './variables.js';

/** Variables to sample: a list, or anything that has them (a `Problem`, a `VariableSpace`). */
export type SpaceLike = readonly VariableSpec[] | { readonly variables: readonly Variable[] };

/** Where the randomness comes from: a seed, or a generator to draw from (and advance). */
export interface SamplingOptions {
  readonly seed?: number;
  readonly random?: Random;
}

function prepare(space: SpaceLike, n: number, options: SamplingOptions, what: string) {
  const variables = Array.isArray(space)
    ? (space as readonly VariableSpec[])
    : (space as { variables: readonly Variable[] }).variables;
  const vs = variableSpace(variables);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new InvalidArgumentError({ argument: `${what}: n`, expected: 'a non-negative integer', actual: n });
  }
  if (options?.random === undefined && options?.seed === undefined) {
    throw new InvalidArgumentError({
      argument: `${what}: options`,
      expected: '{ seed } or { random }',
      actual: options,
      hint: 'Sampling never uses global random state; pass a seed.',
    });
  }
  return { vs, random: options.random ?? toRandom(options.seed!, `${what}: seed`) };
}

/** Maps u in [0, 1) onto the encoded domain of column j: continuous, or one of its integer values. */
function place(u: number, lower: number, upper: number, discrete: boolean): number {
  if (!discrete) return lower + u * (upper - lower);
  const count = upper - lower + 1;
  return Math.min(upper, lower + Math.floor(u * count));
}

/**
 * `n` rows drawn uniformly and independently: real variables uniform in their bounds, integer,
 * choice and binary variables uniform over their values. O(n·d).
 *
 * @example
 * randomSample([real(0, 1), choice(['a', 'b'])], 4, { seed: 1 }).rows // => 4
 */
export function randomSample(space: SpaceLike, n: number, options: SamplingOptions): Matrix {
  const { vs, random } = prepare(space, n, options, 'randomSample');
  const d = vs.size;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++)
      data[i * d + j] = place(random.next(), vs.lower[j]!, vs.upper[j]!, vs.discrete[j] === 1);
  }
  return { rows: n, cols: d, data };
}

/**
 * A Latin-hypercube sample of `n` rows (McKay, Beckman & Conover 1979): each column's range is cut
 * into `n` equal strata and every stratum holds exactly one row, at a uniform position inside it.
 * A discrete column (integer, choice, binary) stratifies `[lower, upper + 1)` and takes the floor,
 * so each of its values is used `floor(n / count)` or `ceil(n / count)` times, up to the strata
 * that straddle two values. O(n·d).
 *
 * @example
 * latinHypercube([real(0, 10)], 5, { seed: 3 }).data.map((v) => Math.floor(v / 2)).sort() // => Float64Array [0, 1, 2, 3, 4]
 */
export function latinHypercube(space: SpaceLike, n: number, options: SamplingOptions): Matrix {
  const { vs, random } = prepare(space, n, options, 'latinHypercube');
  const d = vs.size;
  const data = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    const strata = random.permutation(n);
    const discrete = vs.discrete[j] === 1;
    for (let i = 0; i < n; i++) {
      const u = (strata[i]! + random.next()) / n;
      data[i * d + j] = place(u, vs.lower[j]!, vs.upper[j]!, discrete);
    }
  }
  return { rows: n, cols: d, data };
}
