import {
  crowdingDistance,
  DimensionMismatchError,
  type EvalResult,
  InvalidArgumentError,
  isMatrix,
  latinHypercube,
  type Matrix,
  nonDominatedSort,
  type Problem,
  Random,
  randomSample,
  vstack,
} from '@paretokit/problem';
import type { Algorithm, OptimizationResult, RunOptions } from '../algorithm.js';
import { buildResult, type MinimizedPopulation } from '../internal/build-result.js';
import { checkPositiveInteger } from '../internal/check-options.js';
import { checkSetup } from '../internal/check-setup.js';
import { minimizedValues } from '../internal/minimized-values.js';
import { RunProgress } from '../internal/run-progress.js';
import { eliminateDuplicates } from '../operators/eliminate-duplicates.js';
import { binaryTournament } from '../operators/selection/binary-tournament.js';
import { createVariation, type Variation, type VariationOptions } from '../operators/variation.js';
import { type RankedPopulation, RowStore } from './row-store.js';

/** Options of {@link nsga2}. */
export interface Nsga2Options {
  /** Individuals kept each generation (N >= 2). */
  readonly populationSize: number;
  /** Children made per generation (default: populationSize). */
  readonly offspringSize?: number;
  /** SBX / uniform crossover settings (default: probability 0.9, eta 15, 0.5 per variable). */
  readonly crossover?: VariationOptions['crossover'];
  /** Mutation settings (default: 1/number of variables per variable, eta 20). */
  readonly mutation?: VariationOptions['mutation'];
  /** Drop children that equal a population member or an earlier child (default true, as pymoo). */
  readonly eliminateDuplicates?: boolean;
  /** Initial population: uniform random (default), Latin hypercube, or given rows (encoded). */
  readonly sampling?: 'random' | 'latin-hypercube' | Matrix;
}

/** Mating rounds tried to find enough non-duplicate children before accepting duplicates. */
const MAX_MATING_ROUNDS = 100;

/**
 * Fills N slots front by front (constrained non-dominated sorting, so feasible rows first and
 * infeasible ones by violation) and truncates the last front by crowding distance, ties broken at
 * random (pymoo's `RankAndCrowding`); writes the survivors into `out`. O(M·N log N) for M <= 3.
 */
function rankAndCrowding(
  pop: MinimizedPopulation,
  size: number,
  constrained: boolean,
  random: Random,
  out: RowStore,
): RankedPopulation {
  const { fronts } = nonDominatedSort(pop.F, constrained ? { constraintViolation: pop.CV } : {});
  const count = Math.min(size, pop.F.rows);
  out.reserve(count);
  let filled = 0;
  for (const front of fronts) {
    if (filled === count) break;
    const cd = crowdingDistance(pop.F, front);
    if (filled + front.length <= count) {
      for (let t = 0; t < front.length; t++) out.copyRow(filled++, pop, front[t]!, cd[t]!);
      continue;
    }
    // Shuffle first so that the stable sort breaks equal distances at random.
    const order = Array.from(random.permutation(front.length)).sort((a, b) => cd[b]! - cd[a]! || 0);
    for (let t = 0; filled < count; t++) out.copyRow(filled++, pop, front[order[t]!]!, cd[order[t]!]!);
  }
  return out.view(count);
}

function validateOptions(options: Nsga2Options): void {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError({
      argument: 'nsga2(options)',
      expected: 'an options object such as { populationSize: 100 }',
      actual: options,
    });
  }
  checkPositiveInteger(options.populationSize, 'nsga2: populationSize', 2);
  if (options.offspringSize !== undefined)
    checkPositiveInteger(options.offspringSize, 'nsga2: offspringSize');
  if (options.eliminateDuplicates !== undefined && typeof options.eliminateDuplicates !== 'boolean') {
    throw new InvalidArgumentError({
      argument: 'nsga2: eliminateDuplicates',
      expected: 'a boolean',
      actual: options.eliminateDuplicates,
    });
  }
  const { sampling } = options;
  if (
    sampling !== undefined &&
    sampling !== 'random' &&
    sampling !== 'latin-hypercube' &&
    !isMatrix(sampling)
  ) {
    throw new InvalidArgumentError({
      argument: 'nsga2: sampling',
      expected: "'random', 'latin-hypercube' or a Matrix of initial rows",
      actual: sampling,
    });
  }
  // Operator settings are checked now, not at the first setup.
  createVariation([{ kind: 'real', name: 'x', lower: 0, upper: 1 }], {
    ...(options.crossover ? { crossover: options.crossover } : {}),
    ...(options.mutation ? { mutation: options.mutation } : {}),
  });
}

/**
 * NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002, IEEE TEVC) behind ask/tell: binary tournament
 * on constrained domination and crowding, SBX and polynomial mutation (or the matching operator
 * of each integer, choice and binary variable), duplicate elimination, and elitist survival of
 * the merged parents and children by constrained non-dominated rank and crowding distance. The
 * first ask returns the initial sample; every later ask returns one generation of children.
 * Per generation O(M·N²) for the sort in the worst case, O(M·N log N) for M <= 3.
 *
 * @example
 * const result = await minimize(zdt1(), nsga2({ populationSize: 100 }), { termination: maxGenerations(200), seed: 1 });
 * result.F.cols // => 2
 */
export function nsga2(options: Nsga2Options): Algorithm {
  validateOptions(options);
  const N = options.populationSize;
  const offspringSize = options.offspringSize ?? N;
  const dedupe = options.eliminateDuplicates ?? true;

  let problem: Problem | undefined;
  let progress: RunProgress | undefined;
  let random: Random | undefined;
  let variation: Variation | undefined;
  let constrained = false;
  let population: RankedPopulation | undefined;
  let survivors: RowStore | undefined;
  let merged: RowStore | undefined;
  let pending: Matrix | undefined;

  const requireSetup = (method: string): { problem: Problem; progress: RunProgress; random: Random } => {
    if (problem === undefined || progress === undefined || random === undefined) {
      throw new InvalidArgumentError({
        argument: `nsga2.${method}()`,
        expected: 'a call after setup(problem, { seed, termination })',
        actual: 'no setup',
      });
    }
    return { problem, progress, random };
  };

  const checkSampling = (p: Problem): void => {
    const { sampling } = options;
    if (!isMatrix(sampling)) return;
    if (sampling.cols !== p.variables.length || sampling.rows === 0) {
      throw new DimensionMismatchError({
        what: 'nsga2: sampling',
        expected: p.variables.length,
        actual: sampling.cols,
        unit: 'columns (one per variable) in a non-empty matrix',
      });
    }
  };

  const initialSample = (p: Problem, rnd: Random): Matrix => {
    const { sampling } = options;
    if (isMatrix(sampling)) {
      return { rows: sampling.rows, cols: sampling.cols, data: sampling.data.slice() };
    }
    const X = (sampling === 'latin-hypercube' ? latinHypercube : randomSample)(p, N, { random: rnd });
    return dedupe ? keepRows(X, eliminateDuplicates(X, [])) : X;
  };

  const offspring = (pop: RankedPopulation, rnd: Random, vary: Variation): Matrix => {
    const parts: Matrix[] = [];
    let total = 0;
    const tournament = { F: pop.F.data, m: pop.F.cols, CV: pop.CV, crowding: pop.crowding };
    let last: Matrix | undefined;
    for (let round = 0; total < offspringSize && round < MAX_MATING_ROUNDS; round++) {
      const remaining = offspringSize - total;
      const parents = binaryTournament(tournament, 2 * Math.ceil(remaining / 2), rnd);
      let children = vary(pop.X, parents, rnd);
      last = children;
      if (dedupe) children = keepRows(children, eliminateDuplicates(children, [pop.X, ...parts]));
      if (children.rows > remaining) {
        children = {
          rows: remaining,
          cols: children.cols,
          data: children.data.slice(0, remaining * children.cols),
        };
      }
      if (children.rows > 0) {
        parts.push(children);
        total += children.rows;
      }
    }
    // A tiny discrete space may have no unseen point left: accept duplicates rather than stall.
    if (total === 0 && last !== undefined) return last;
    return parts.length === 1 ? parts[0]! : vstack(parts);
  };

  return {
    name: 'NSGA-II',
    setup(p: Problem, run: RunOptions) {
      checkSetup(p, run, 'nsga2');
      checkSampling(p);
      random = Random.fromSeed(run.seed);
      variation = createVariation(p.variables, {
        ...(options.crossover ? { crossover: options.crossover } : {}),
        ...(options.mutation ? { mutation: options.mutation } : {}),
      });
      problem = p;
      constrained = p.constraints.length > 0;
      progress = new RunProgress(run.termination);
      population = undefined;
      pending = undefined;
      const widths = [p.variables.length, p.objectives.length, p.constraints.length] as const;
      survivors = new RowStore(...widths);
      merged = new RowStore(...widths);
    },
    ask() {
      const { problem: p, random: rnd } = requireSetup('ask');
      if (pending === undefined) {
        pending = population === undefined ? initialSample(p, rnd) : offspring(population, rnd, variation!);
      }
      return pending;
    },
    tell(X: Matrix, result: EvalResult) {
      const { problem: p, progress: prog, random: rnd } = requireSetup('tell');
      if (X.cols !== p.variables.length) {
        throw new DimensionMismatchError({
          what: 'nsga2.tell: X',
          expected: p.variables.length,
          actual: X.cols,
          unit: 'columns (one per variable)',
        });
      }
      if (result?.F?.rows !== X.rows) {
        throw new DimensionMismatchError({
          what: 'nsga2.tell: result.F',
          expected: X.rows,
          actual: result?.F?.rows ?? 0,
          unit: 'rows (one per row of X)',
        });
      }
      const values = minimizedValues(p, result);
      const CV = values.CV;
      for (let i = 0; i < CV.length; i++) if (Number.isNaN(CV[i]!)) CV[i] = Number.POSITIVE_INFINITY;
      const told: MinimizedPopulation =
        values.G === undefined ? { X, F: values.F, CV } : { X, F: values.F, G: values.G, CV };
      let pool: MinimizedPopulation = told;
      if (population !== undefined) {
        // Parents and children side by side; the survivors then overwrite the parents' storage.
        const rows = population.CV.length;
        merged!.reserve(rows + X.rows);
        merged!.write(0, population);
        merged!.write(rows, told);
        pool = merged!.view(rows + X.rows);
      }
      population = rankAndCrowding(pool, N, constrained, rnd, survivors!);
      pending = undefined;
      prog.record(X.rows);
    },
    get done() {
      return progress?.done ?? false;
    },
    result(): OptimizationResult {
      const { problem: p, progress: prog } = requireSetup('result');
      if (population === undefined) {
        throw new InvalidArgumentError({
          argument: 'nsga2.result()',
          expected: 'a call after at least one tell',
          actual: 'no evaluated population',
        });
      }
      return buildResult(p, population, prog);
    },
  };
}

/** Moves the rows `kept` (ascending) of a freshly made matrix to its front, in place; returns a view. O(kept·d). */
function keepRows(M: Matrix, kept: Int32Array): Matrix {
  if (kept.length === M.rows) return M;
  const d = M.cols;
  const data = M.data;
  for (let t = 0; t < kept.length; t++) {
    const from = kept[t]! * d;
    if (from !== t * d) data.copyWithin(t * d, from, from + d);
  }
  return { rows: kept.length, cols: d, data: data.subarray(0, kept.length * d) };
}
