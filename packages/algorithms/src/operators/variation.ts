import { InvalidArgumentError, type Matrix, type Random, type Variable } from '@paretokit/problem';
import { sbx } from './crossover/sbx.js';
import { uniformCrossover } from './crossover/uniform-crossover.js';
import { bitFlipMutation } from './mutation/bit-flip-mutation.js';
import { polynomialMutation } from './mutation/polynomial-mutation.js';
import { randomResetMutation } from './mutation/random-reset-mutation.js';
import { roundRepair } from './repair/round-repair.js';

export { eliminateDuplicates } from './eliminate-duplicates.js';

/** Parameters of {@link createVariation}; every field has pymoo's NSGA-II default. */
export interface VariationOptions {
  readonly crossover?: {
    /** Probability that a pair is recombined at all (default 0.9); otherwise the children copy the parents. */
    readonly probability?: number;
    /** SBX distribution index (default 15); larger keeps children closer to their parents. */
    readonly eta?: number;
    /** Probability that one variable of a recombined pair is crossed (default 0.5). */
    readonly variableProbability?: number;
  };
  readonly mutation?: {
    /** Probability that one variable of a child is mutated (default 1 / number of variables). */
    readonly probability?: number;
    /** Polynomial-mutation distribution index (default 20); larger gives smaller steps. */
    readonly eta?: number;
  };
}

/** Children of parent pairs: parents holds 2 row indices of X per pair; returns 2 children per pair (rows in pair order). */
export type Variation = (X: Matrix, parents: Int32Array, random: Random) => Matrix;

const REAL = 0;
const INTEGER = 1;
const CHOICE = 2;
const BINARY = 3;
const TWO_POW_32 = 4294967296;

function checkProbability(value: number | undefined, argument: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new InvalidArgumentError({ argument, expected: 'a probability in [0, 1]', actual: value });
  }
  return value;
}

function checkEta(value: number | undefined, argument: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError({
      argument,
      expected: 'a finite distribution index >= 0',
      actual: value,
      hint: 'Typical values are 15 to 30; larger keeps offspring closer to their parents.',
    });
  }
  return value;
}

/**
 * Builds the variation (crossover then mutation) of a mixed space, each column getting the
 * operator of its type: real columns SBX and polynomial mutation; integer columns the same followed
 * by rounding and clamping (pymoo's `RoundingRepair`); choice columns uniform crossover and random
 * reset; binary columns uniform crossover and bit flip. The returned function is pure given its
 * `random`. O(pairs·d) per call.
 *
 * @example
 * const vary = createVariation([real(0, 1), integer(0, 5), choice(['a', 'b', 'c'])].map((v, i) => ({ ...v, name: `x${i}` })));
 * const children = vary(toMatrix([[0.1, 1, 0], [0.9, 4, 2]]), Int32Array.of(0, 1), Random.fromSeed(1));
 * children.rows // => 2
 */
export function createVariation(variables: readonly Variable[], options: VariationOptions = {}): Variation {
  if (!Array.isArray(variables) || variables.length === 0) {
    throw new InvalidArgumentError({
      argument: 'createVariation: variables',
      expected: 'at least one variable',
      actual: variables,
    });
  }
  const d = variables.length;
  const pc = checkProbability(options.crossover?.probability, 'crossover.probability', 0.9);
  const pcv = checkProbability(options.crossover?.variableProbability, 'crossover.variableProbability', 0.5);
  const etaC = checkEta(options.crossover?.eta, 'crossover.eta', 15);
  const pm = checkProbability(options.mutation?.probability, 'mutation.probability', 1 / d);
  const etaM = checkEta(options.mutation?.eta, 'mutation.eta', 20);
  // Decisions compare one 32-bit draw with p·2^32 (p = 1 always passes, p = 0 never does).
  const pairThreshold = pc * TWO_POW_32;
  const variableThreshold = pcv * TWO_POW_32;
  const fairCoin = pcv === 0.5;
  const logMiss = Math.log1p(-pm);
  const kind = new Uint8Array(d);
  const lower = new Float64Array(d);
  const upper = new Float64Array(d);
  variables.forEach((v, j) => {
    switch (v.kind) {
      case 'real':
      case 'integer':
        kind[j] = v.kind === 'real' ? REAL : INTEGER;
        lower[j] = v.lower;
        upper[j] = v.upper;
        break;
      case 'choice':
        kind[j] = CHOICE;
        upper[j] = v.values.length - 1;
        break;
      case 'binary':
        kind[j] = BINARY;
        upper[j] = 1;
        break;
      default:
        throw new InvalidArgumentError({
          argument: `createVariation: variables[${j}]`,
          expected: 'a real, integer, choice or binary variable',
          actual: v,
        });
    }
  });

  return (X, parents, random) => {
    if (X.cols !== d) {
      throw new InvalidArgumentError({
        argument: 'variation: X',
        expected: `a matrix with ${d} columns (one per variable)`,
        actual: `${X.rows}x${X.cols}`,
      });
    }
    if (parents.length % 2 !== 0) {
      throw new InvalidArgumentError({
        argument: 'variation: parents',
        expected: 'an even number of row indices (two per pair)',
        actual: parents.length,
      });
    }
    const x = X.data;
    const rows = parents.length;
    const out = new Float64Array(rows * d);
    let pool = 0;
    let poolBits = 0;
    for (let p = 0; p < rows; p += 2) {
      const a = parents[p]!;
      const b = parents[p + 1]!;
      if (!(a >= 0 && a < X.rows && b >= 0 && b < X.rows)) {
        throw new InvalidArgumentError({
          argument: `variation: parents[${p}..${p + 1}]`,
          expected: `row indices in [0, ${X.rows - 1}]`,
          actual: [a, b],
        });
      }
      const o1 = p * d;
      const o2 = o1 + d;
      for (let j = 0; j < d; j++) {
        out[o1 + j] = x[a * d + j]!;
        out[o2 + j] = x[b * d + j]!;
      }
      if (random.nextUint32() >= pairThreshold) continue;
      for (let j = 0; j < d; j++) {
        const k = kind[j]!;
        if (k === REAL || k === INTEGER) {
          if (fairCoin) {
            // pymoo's default 1/2 per variable: one 32-bit draw decides 32 variables.
            if (poolBits === 0) {
              pool = random.nextUint32();
              poolBits = 32;
            }
            const skip = (pool & 1) === 0;
            pool >>>= 1;
            poolBits--;
            if (skip) continue;
          } else if (random.nextUint32() >= variableThreshold) continue;
          sbx(out, o1 + j, o2 + j, lower[j]!, upper[j]!, etaC, random);
          if (k === INTEGER) {
            out[o1 + j] = roundRepair(out[o1 + j]!, lower[j]!, upper[j]!);
            out[o2 + j] = roundRepair(out[o2 + j]!, lower[j]!, upper[j]!);
          }
        } else {
          uniformCrossover(out, o1 + j, o2 + j, random);
        }
      }
    }
    // Mutated entries form a Bernoulli(pm) process over all entries: jump from one to the next by
    // geometric gaps instead of drawing once per entry.
    const total = rows * d;
    for (let i = pm > 0 ? -1 : total; ; ) {
      const u = (random.nextUint32() + 0.5) / TWO_POW_32;
      i += pm >= 1 ? 1 : 1 + Math.floor(Math.log(u) / logMiss);
      if (i >= total) break;
      const j = i % d;
      const k = kind[j]!;
      if (k === REAL) out[i] = polynomialMutation(out[i]!, lower[j]!, upper[j]!, etaM, random);
      else if (k === INTEGER) {
        const y = polynomialMutation(out[i]!, lower[j]!, upper[j]!, etaM, random);
        out[i] = roundRepair(y, lower[j]!, upper[j]!);
      } else if (k === CHOICE) out[i] = randomResetMutation(out[i]!, upper[j]! + 1, random);
      else out[i] = bitFlipMutation(out[i]!);
    }
    return { rows, cols: d, data: out };
  };
}
