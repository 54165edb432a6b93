import { maxGenerations, minimize, nsga2 } from '@paretokit/algorithms';
import { constraintViolation, InvalidArgumentError, type Matrix, randomSample } from '@paretokit/problem';
import { surrogateProblem } from '../internal/surrogate-problem.js';
import { evaluatedRows } from './choose-infill.js';
import type { TrainingData } from './fit-surrogates.js';
import { fittedIteration } from './fitted-iteration.js';
import { hypervolumeInfill } from './hypervolume-infill.js';
import { type Selection, selectSurrogates } from './select-surrogates.js';
import type { IterationContext, IterationProposal, SamoIteration } from './types.js';

/** Options of {@link hypervolumeIteration}. */
export interface HypervolumeIterationOptions {
  /** Weight of the predicted standard deviation in the optimistic bound mean - beta · sd. Default 1. */
  readonly beta?: number;
  /** Population of NSGA-II on the surrogates. Default 100. */
  readonly populationSize?: number;
  /** Its generations. Default 100. */
  readonly generations?: number;
  /**
   * Start the search on the surrogates from every evaluated row (default true) instead of a
   * Latin hypercube: the search refines what the archive knows rather than rediscovering it.
   */
  readonly warmStart?: boolean;
  /**
   * Rows of one iteration's batch differ by at least this much in some variable, bound-normalized
   * (default 0.05; 0 refuses duplicates only). The kriging believer puts the first row's predicted
   * mean on the front, but a neighbour's optimistic bound still beats it: without a spread the
   * second row of a batch landed 1e-3 to 1e-5 from the first (RetinaMNIST structured pruning: the
   * same kept channels, the same model, one evaluation of the budget spent for nothing).
   */
  readonly batchSpread?: number;
}

function positive(value: number, argument: string, integer: boolean): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < 0 ||
    (integer && !Number.isInteger(value))
  ) {
    throw new InvalidArgumentError({
      argument,
      expected: integer ? 'a non-negative integer' : 'a finite number >= 0',
      actual: value,
    });
  }
  return value;
}

/** Selection only where a pool has a choice to make; a one-candidate pool is taken as it is. */
async function chooseModels(context: IterationContext, data: TrainingData): Promise<Selection> {
  const names = data.targets.map((t) => Object.keys(t.pool));
  if (names.some((n) => n.length > 1)) return selectSurrogates(context, data);
  return {
    chosen: names.map((n) => n[0]!),
    diagnostics: data.targets.map((t, ti) => ({
      target: t.target,
      chosen: names[ti]![0]!,
      score: Number.NaN,
      candidates: {},
    })),
    selectionMs: 0,
  };
}

/**
 * Random rows added to the candidates while no evaluated row is feasible: the search on the
 * surrogates then crowds its whole population where the predicted violation is least, around the
 * least-violating evaluated row, and the feasibility phase of the infill needs candidates from
 * elsewhere to explore.
 */
export const EXPLORATION_CANDIDATES = 1000;

/** `candidates`, plus {@link EXPLORATION_CANDIDATES} random rows when the archive has no feasible row. */
function withExploration(context: IterationContext, candidates: Matrix): Matrix {
  const G = context.G;
  if (G === undefined || G.cols === 0 || constraintViolation(G).includes(0)) return candidates;
  return stack(candidates, randomSample(context.problem, EXPLORATION_CANDIDATES, { random: context.random }));
}

/** The rows of `a` then those of `b`. */
function stack(a: Matrix, b: Matrix): Matrix {
  const data = new Float64Array(a.data.length + b.data.length);
  data.set(a.data);
  data.set(b.data, a.data.length);
  return { rows: a.rows + b.rows, cols: a.cols, data };
}

/**
 * ParetoKit's iteration for expensive constrained problems (the `samo` method; the study's is
 * {@link studyIteration}): one model per target (selected by cross-validation only when its pool
 * offers a choice; a Gaussian process in {@link recommendedSamo}), NSGA-II on the predicted means
 * warm-started from the archive, then `count` rows of its final population chosen by hypervolume
 * improvement of the optimistic prediction (mean - beta · sd) times the probability of
 * feasibility, one after another with the kriging believer (see `hypervolumeInfill`). While no
 * evaluated row is feasible, a feasibility phase instead: {@link EXPLORATION_CANDIDATES} random
 * rows join the population and the rows with the largest expected improvement of the least total
 * violation are chosen. Rows of a batch are at least `batchSpread` apart. Cost: the fits, populationSize ·
 * generations predictions per target, and O(count · population · HV).
 *
 * @example
 * const iteration = hypervolumeIteration({ generations: 10, populationSize: 20 });
 * const result = await samo(c2dtlz2({ nObj: 2, nVar: 4 }), { initialSamples: 10, budget: 14, surrogates: { knn: () => knnRegressor({ k: 3 }) }, iteration, seed: 1 });
 * result.archive.X.rows // => 14
 * result.iterations[1].infill.every((c) => c.source !== 'feasible-nondominated') // => true
 */
export function hypervolumeIteration(options: HypervolumeIterationOptions = {}): SamoIteration {
  const beta = positive(options.beta ?? 1, 'hypervolumeIteration: beta', false);
  const populationSize = Math.max(
    2,
    positive(options.populationSize ?? 100, 'hypervolumeIteration: populationSize', true),
  );
  const generations = positive(options.generations ?? 100, 'hypervolumeIteration: generations', true);
  const warmStart = options.warmStart ?? true;
  const batchSpread = positive(options.batchSpread ?? 0.05, 'hypervolumeIteration: batchSpread', false);
  if (batchSpread > 1) {
    throw new InvalidArgumentError({
      argument: 'hypervolumeIteration: batchSpread',
      expected: 'a bound-normalized distance in [0, 1]',
      actual: batchSpread,
    });
  }
  return async (context: IterationContext): Promise<IterationProposal> => {
    const { random, signal, problem } = context;
    return fittedIteration(context, chooseModels, async (models) => {
      const m = problem.objectives.length;
      const surrogate = surrogateProblem(problem, models.slice(0, m), models.slice(m), context.encode);
      const optimizer = nsga2({
        populationSize,
        ...(warmStart && context.evaluated.rows > 0
          ? { sampling: context.evaluated }
          : { sampling: 'latin-hypercube' }),
      });
      const solved = await minimize(surrogate, optimizer, {
        termination: maxGenerations(generations),
        seed: random.nextUint32(),
        ...(signal === undefined ? {} : { signal }),
      });
      return hypervolumeInfill({
        problem,
        X: context.X,
        F: context.F,
        G: context.G,
        candidates: withExploration(context, stack(solved.population.X, solved.X)),
        models,
        encode: context.encode,
        evaluated: evaluatedRows(context),
        count: context.count,
        beta,
        batchSpread,
        random,
      });
    });
  };
}
