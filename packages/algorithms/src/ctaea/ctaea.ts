import {
  DimensionMismatchError,
  type EvalResult,
  InvalidArgumentError,
  latinHypercube,
  type Matrix,
  type MatrixInput,
  type Problem,
  Random,
  real,
  toMatrix,
} from '@paretokit/problem';
import type { Algorithm, OptimizationResult, RunOptions } from '../algorithm.js';
import { buildResult } from '../internal/build-result.js';
import { checkPositiveInteger } from '../internal/check-options.js';
import { checkSetup } from '../internal/check-setup.js';
import { minimizedValues } from '../internal/minimized-values.js';
import { RunProgress } from '../internal/run-progress.js';
import { eliminateDuplicates } from '../operators/eliminate-duplicates.js';
import { createVariation, type Variation, type VariationOptions } from '../operators/variation.js';
import { dasDennis, dasDennisCount } from '../reference-directions/das-dennis.js';
import { rieszEnergy } from '../reference-directions/riesz-energy.js';
import { associateRows } from './internal/association.js';
import { convergenceUpdate } from './internal/convergence-update.js';
import { type PreparedDirections, prepareDirections } from './internal/directions.js';
import { diversityUpdate } from './internal/diversity-update.js';
import { restrictedMating } from './internal/mating.js';
import {
  concatRows,
  emptyRows,
  gatherRows,
  type Rows,
  toPopulation,
  type Widths,
} from './internal/population.js';

/** Options of {@link ctaea}: reference directions, a population size, or both. */
export interface CtaeaOptions {
  /**
   * Reference directions, one row per direction, one column per objective, entries >= 0. The
   * population size defaults to their number.
   */
  readonly referenceDirections?: MatrixInput;
  /**
   * Size N of each archive (and of each offspring batch), at least 2. Without directions they are
   * chosen from it (see {@link ctaea}); with directions it may differ from their number.
   */
  readonly populationSize?: number;
  /** SBX on real and integer variables; C-TAEA's defaults (as pymoo): probability 1, eta 30, variable probability 0.5. */
  readonly crossover?: VariationOptions['crossover'];
  /** Polynomial mutation; defaults: eta 20, probability 1 / number of variables. */
  readonly mutation?: VariationOptions['mutation'];
  /** Drop offspring equal to a CA or DA member or to each other, and draw again (default true). */
  readonly eliminateDuplicates?: boolean;
}

function copyMatrix(M: Matrix): Matrix {
  return { rows: M.rows, cols: M.cols, data: M.data.slice() };
}

/** Seed of the Riesz-energy directions, fixed so every run of a configuration shares them. */
const DIRECTIONS_SEED = 1;
/** Rounds of mating to fill an offspring batch when duplicates are dropped (pymoo: 100). */
const MAX_MATING_ROUNDS = 100;

/** C-TAEA's variation defaults (pymoo's `CTAEA`: SBX eta 30, probability 1; PM eta 20). */
function variationOptions(options: CtaeaOptions): VariationOptions {
  return {
    crossover: { probability: 1, eta: 30, ...options.crossover },
    mutation: { eta: 20, ...options.mutation },
  };
}

/**
 * Directions for `n` solutions and `m` objectives: the Das-Dennis lattice when one has exactly `n`
 * points, else `n` Riesz-energy directions (seed 1); fewer solutions than objectives get the `m`
 * unit vectors, and one objective the single direction [1]. O(directions·m) plus the energy descent.
 */
function defaultDirections(m: number, n: number): Matrix {
  if (m === 1) return { rows: 1, cols: 1, data: Float64Array.of(1) };
  for (let p = 1; dasDennisCount(m, p) <= n; p++) if (dasDennisCount(m, p) === n) return dasDennis(m, p);
  return n >= m ? rieszEnergy(m, n, DIRECTIONS_SEED) : dasDennis(m, 1);
}

/**
 * C-TAEA, the two-archive evolutionary algorithm for constrained multi-objective optimization
 * (Li, Chen, Fu & Yao, IEEE TEVC 23(2) 2019), following the original code by K. Li. A convergence
 * archive (CA) keeps feasible solutions near the front ({@link updateConvergenceArchive}); a
 * diversity archive (DA) keeps solutions, feasible or not, in the subregions the CA leaves empty
 * ({@link updateDiversityArchive}). Parents come from both by restricted mating: the first from
 * the archive with more non-dominated solutions of CA ∪ DA, the second from the CA with
 * probability rho_c (its share of them), each by a binary tournament (feasibility, then
 * dominance, then a coin flip). Children by SBX and polynomial mutation (type-aware in mixed spaces).
 *
 * With only `populationSize`, the directions are the Das-Dennis lattice of that size when one
 * exists (91 for 3 objectives: 12 partitions), else as many Riesz-energy directions (seed 1).
 * The initial population is a Latin hypercube of N rows. `result()` reports the feasible
 * non-dominated members of the CA (an empty front when none is feasible; the whole CA is in
 * `population`). Same seed, same run, bit for bit. Per generation O(N·d_w·m) association for
 * d_w directions, O(N²·m) distances and the sorting of 2N rows.
 *
 * @example
 * const result = await minimize(c2dtlz2({ nObj: 3 }), ctaea({ populationSize: 91 }), { termination: maxGenerations(20), seed: 1 });
 * result.population.X.rows // => 91
 */
export function ctaea(options: CtaeaOptions): Algorithm {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError({
      argument: 'ctaea(options)',
      expected: '{ referenceDirections } or { populationSize }',
      actual: options,
    });
  }
  // A private copy: later changes to the caller's matrix must not change this configuration.
  const given =
    options.referenceDirections === undefined
      ? undefined
      : copyMatrix(toMatrix(options.referenceDirections, 'ctaea: referenceDirections'));
  if (given !== undefined) prepareDirections(given, given.cols, 'ctaea: referenceDirections');
  if (given === undefined && options.populationSize === undefined) {
    throw new InvalidArgumentError({
      argument: 'ctaea(options)',
      expected: 'referenceDirections or populationSize',
      actual: options,
      hint: 'For 3 objectives, ctaea({ populationSize: 91 }) uses the 91 Das-Dennis directions of 12 partitions.',
    });
  }
  const size =
    options.populationSize === undefined
      ? given!.rows
      : checkPositiveInteger(options.populationSize, 'ctaea: populationSize', 2);
  if (size < 2) {
    throw new InvalidArgumentError({
      argument: 'ctaea: referenceDirections',
      expected: 'at least 2 directions (the population size), or a populationSize >= 2',
      actual: size,
    });
  }
  const variation = variationOptions(options);
  // Checks the operator options now rather than at the first setup.
  createVariation([{ ...real(0, 1), name: 'x' }], variation);
  if (options.eliminateDuplicates !== undefined && typeof options.eliminateDuplicates !== 'boolean') {
    throw new InvalidArgumentError({
      argument: 'ctaea: eliminateDuplicates',
      expected: 'a boolean',
      actual: options.eliminateDuplicates,
    });
  }
  const dedupe = options.eliminateDuplicates ?? true;
  const directionCache = new Map<number, PreparedDirections>();

  let problem: Problem | undefined;
  let widths: Widths = { d: 0, m: 0, k: 0 };
  let dirs: PreparedDirections | undefined;
  let vary: Variation | undefined;
  let random = Random.fromSeed(0);
  let progress = new RunProgress(() => true);
  let ideal = new Float64Array(0);
  let ca: Rows = emptyRows();
  let da: Rows = emptyRows();
  let started = false;
  let pending: Matrix | undefined;
  // Bumped whenever the ideal point moves, which invalidates stored associations.
  let stamp = 0;

  /** `rows` with niche and fitness for the current ideal point (recomputed only when stale). */
  const associated = (rows: Rows, m: number): Rows => {
    if (rows.stamp === stamp || rows.count === 0) return rows;
    associateRows(rows.F, m, null, rows.count, dirs!, ideal, rows.niche, null, rows.fit);
    return { ...rows, stamp };
  };

  const directionsFor = (m: number): PreparedDirections => {
    let prepared = directionCache.get(m);
    if (prepared === undefined) {
      if (given !== undefined && given.cols !== m) {
        throw new DimensionMismatchError({
          what: 'ctaea: referenceDirections',
          expected: m,
          actual: given.cols,
          unit: 'columns (one per objective of the problem)',
        });
      }
      prepared = prepareDirections(given ?? defaultDirections(m, size), m, 'ctaea: referenceDirections');
      directionCache.set(m, prepared);
    }
    return prepared;
  };

  const requireSetup = (method: string): Problem => {
    if (problem === undefined) {
      throw new InvalidArgumentError({
        argument: `ctaea: ${method}()`,
        expected: 'a call after setup(problem, options)',
        actual: undefined,
        hint: 'Call setup first, or use minimize(problem, algorithm, options).',
      });
    }
    return problem;
  };

  /** N offspring of CA ∪ DA, duplicates of either archive or of each other dropped and redrawn. */
  const offspring = (): Matrix => {
    const { d } = widths;
    const pool = concatRows(ca, da);
    const X: Matrix = { rows: pool.count, cols: d, data: pool.X };
    const pairs = Math.ceil(size / 2);
    const collected = new Float64Array(size * d);
    let count = 0;
    let last: Matrix | undefined;
    for (let round = 0; round < MAX_MATING_ROUNDS && count < size; round++) {
      const parents = restrictedMating(ca, da, widths.m, pairs, random);
      const children = vary!(X, parents, random);
      last = children;
      if (!dedupe) {
        collected.set(children.data.subarray(0, size * d));
        count = size;
        break;
      }
      const sofar: Matrix = { rows: count, cols: d, data: collected.subarray(0, count * d) };
      const keep = eliminateDuplicates(children, [
        { rows: ca.count, cols: d, data: ca.X },
        { rows: da.count, cols: d, data: da.X },
        sofar,
      ]);
      for (let t = 0; t < keep.length && count < size; t++, count++) {
        collected.set(children.data.subarray(keep[t]! * d, keep[t]! * d + d), count * d);
      }
    }
    // A space too small for N new rows: accept duplicates rather than ask for nothing.
    if (count === 0 && last !== undefined)
      return { rows: Math.min(size, last.rows), cols: d, data: last.data.slice(0, size * d) };
    return { rows: count, cols: d, data: collected.slice(0, count * d) };
  };

  return {
    name: 'C-TAEA',

    setup(p: Problem, runOptions: RunOptions): void {
      checkSetup(p, runOptions, 'ctaea');
      const m = p.objectives.length;
      if (m < 1) {
        throw new InvalidArgumentError({
          argument: 'ctaea: problem.objectives',
          expected: 'at least one objective',
          actual: m,
        });
      }
      dirs = directionsFor(m);
      vary = createVariation(p.variables, variation);
      random = Random.fromSeed(runOptions.seed);
      progress = new RunProgress(runOptions.termination);
      widths = { d: p.variables.length, m, k: p.constraints.length };
      problem = p;
      ideal = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
      ca = emptyRows();
      da = emptyRows();
      started = false;
      pending = undefined;
      stamp = 0;
    },

    ask(): Matrix {
      const p = requireSetup('ask');
      // Asking again before telling returns the same rows.
      pending ??= started ? offspring() : latinHypercube(p, size, { random });
      return pending;
    },

    tell(X: Matrix, result: EvalResult): void {
      const p = requireSetup('tell');
      const { d, m, k } = widths;
      if (X.cols !== d)
        throw new DimensionMismatchError({
          what: 'ctaea: tell(X)',
          expected: d,
          actual: X.cols,
          unit: 'columns (one per variable)',
        });
      if (result.F.rows !== X.rows)
        throw new DimensionMismatchError({
          what: 'ctaea: tell(X, result).F',
          expected: X.rows,
          actual: result.F.rows,
          unit: 'rows (one per row of X)',
        });
      const values = minimizedValues(p, result);
      if (k > 0 && (values.G === undefined || values.G.cols !== k || values.G.rows !== X.rows)) {
        throw new DimensionMismatchError({
          what: 'ctaea: tell(X, result).G',
          expected: k,
          actual: values.G?.cols ?? 0,
          unit: 'columns (one per constraint), one row per row of X',
        });
      }
      const F = values.F.data;
      let moved = false;
      for (let i = 0; i < F.length; i++) {
        if (F[i]! < ideal[i % m]!) {
          ideal[i % m] = F[i]!;
          moved = true;
        }
      }
      // Associations depend on the ideal point only: archives keep theirs while it stays put.
      if (moved) stamp++;
      const batch = associated(
        {
          count: X.rows,
          X: X.data.slice(0, X.rows * d),
          F,
          G: k > 0 ? values.G!.data.slice() : null,
          CV: values.CV,
          niche: new Int32Array(X.rows),
          fit: new Float64Array(X.rows),
          stamp: -1,
        },
        m,
      );
      ca = associated(ca, m);
      da = associated(da, m);
      // The initial population seeds both archives; later batches are offspring merged with each.
      const hc = concatRows(ca, batch);
      const keptC = convergenceUpdate(hc.F, m, hc.CV, hc.count, hc.niche, hc.fit, dirs!.count, size, random);
      ca = gatherRows(hc, keptC, widths);
      const hd = concatRows(da, batch);
      const keptD = diversityUpdate(
        hd.F,
        m,
        hd.count,
        hd.niche,
        hd.fit,
        ca.niche,
        ca.count,
        dirs!.count,
        size,
      );
      da = gatherRows(hd, keptD, widths);
      started = true;
      pending = undefined;
      progress.record(X.rows);
    },

    get done(): boolean {
      return progress.done;
    },

    result(): OptimizationResult {
      const p = requireSetup('result');
      return buildResult(p, toPopulation(ca, widths), progress);
    },
  };
}
