import { availableParallelism } from 'node:os';
import { ctaea, maxGenerations } from '@paretokit/algorithms';
import {
  checkSeed,
  DimensionMismatchError,
  encodedBounds,
  InvalidArgumentError,
  type Matrix,
  type Problem,
} from '@paretokit/problem';
import { mixedEncoder, type Regressor, type ResolvedMetric, resolveMetric } from '@paretokit/surrogates';
import { type SurrogateBridge, surrogateBridge } from '@paretokit/surrogates/node';
import { defaultSurrogatePool } from '../default-surrogate-pool.js';
import type { SamoOptions, SelectionOptions } from '../samo-options.js';
import { studyIteration } from '../stages/study-iteration.js';
import type {
  SamoIteration,
  SamoSettings,
  SurrogateFactory,
  SurrogatePool,
  SurrogateTarget,
} from '../stages/types.js';

/** {@link SamoOptions} checked, with their defaults, and what the run derives from them once. */
export interface ResolvedSamoOptions {
  readonly settings: SamoSettings;
  readonly targets: readonly SurrogateTarget[];
  readonly pools: readonly SurrogatePool[];
  readonly encode: (X: Matrix) => Matrix;
  /** The reference point given (natural sense), else undefined: derived when the initial design ends. */
  readonly referencePoint: number[] | undefined;
  readonly bridge: SurrogateBridge;
  readonly onWarning: (message: string) => void;
  readonly signal: AbortSignal | undefined;
  /** The seed given (default 0); a resumed run takes its log's. */
  readonly seed: number;
  /** The log to create or continue, if any. */
  readonly logPath: string | undefined;
  readonly iteration: SamoIteration;
}

function positiveInteger(value: unknown, argument: string, min = 1): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new InvalidArgumentError({ argument, expected: `an integer >= ${min}`, actual: value });
  }
  return value;
}

function oneOf<const T extends string>(value: unknown, allowed: readonly T[], argument: string): T {
  if (!allowed.includes(value as T)) {
    throw new InvalidArgumentError({
      argument,
      expected: allowed.map((a) => `"${a}"`).join(' or '),
      actual: value,
    });
  }
  return value as T;
}

/** The metric of the selection options (default MAPE); throws on an unknown name. */
function resolveSelectionMetric(selection: SelectionOptions): ResolvedMetric {
  return resolveMetric(selection.metric ?? 'mape', selection.greaterIsBetter, 'samo: selection.metric');
}

/** Budget, initial design, rows per iteration and folds, checked together. */
function resolveCounts(options: SamoOptions) {
  const budget = positiveInteger(options.budget ?? 100, 'samo: budget');
  const initialSamples = Math.min(
    budget,
    positiveInteger(options.initialSamples ?? 50, 'samo: initialSamples'),
  );
  const infillsPerIteration = positiveInteger(options.infillsPerIteration ?? 2, 'samo: infillsPerIteration');
  const folds = positiveInteger(options.selection?.folds ?? 5, 'samo: selection.folds', 2);
  if (initialSamples < budget && initialSamples < folds) {
    throw new InvalidArgumentError({
      argument: 'samo: initialSamples',
      expected: `at least as many rows as cross-validation folds (${folds})`,
      actual: initialSamples,
    });
  }
  const left = budget - initialSamples;
  if (left > 0 && infillsPerIteration > left) {
    throw new InvalidArgumentError({
      argument: 'samo: infillsPerIteration',
      expected: `at most the evaluations left after the initial design (${budget} - ${initialSamples} = ${left})`,
      actual: infillsPerIteration,
      hint: `Lower infillsPerIteration (CLI: --infills) to ${left} or raise the budget.`,
    });
  }
  return { budget, initialSamples, infillsPerIteration, folds };
}

/** Smallest initial design whose every cross-validation fold trains on at least `rows` rows. */
function designFor(rows: number, folds: number): number {
  let n = rows;
  while (n - Math.ceil(n / folds) < rows) n++;
  return n;
}

/**
 * Refuses, before any evaluation, an initial design whose cross-validation folds are too small
 * for a candidate of a pool (k-nearest neighbours with k above the rows a fold trains on).
 */
function checkDesignFitsPools(
  counts: ReturnType<typeof resolveCounts>,
  pools: readonly SurrogatePool[],
  make: (target: number, factory: SurrogateFactory) => Regressor,
): void {
  const { initialSamples: n, budget, folds } = counts;
  if (n >= budget) return;
  const smallest = n - Math.ceil(n / folds);
  for (const [i, pool] of pools.entries()) {
    for (const [name, factory] of Object.entries(pool)) {
      const need = make(i, factory).minTrainingRows ?? 1;
      if (need <= smallest) continue;
      const enough = designFor(need, folds);
      throw new InvalidArgumentError({
        argument: 'samo: initialSamples',
        expected: `at least ${enough}: with ${folds}-fold cross-validation the smallest fold trains on ${smallest} of ${n} rows, and surrogate "${name}" needs ${need}`,
        actual: n,
        hint: `Raise initialSamples (CLI: --initial) to ${enough} or more, or drop "${name}" from the pool.`,
      });
    }
  }
}

function resolveTolerance(tolerance: unknown): number {
  if (typeof tolerance !== 'number' || !(tolerance >= 0)) {
    throw new InvalidArgumentError({
      argument: 'samo: duplicateTolerance',
      expected: 'a number >= 0',
      actual: tolerance,
    });
  }
  return tolerance;
}

function resolveReference(problem: Problem, given: readonly number[] | undefined): number[] | undefined {
  if (given === undefined) return undefined;
  const reference = Array.from(given);
  if (reference.length !== problem.objectives.length) {
    throw new DimensionMismatchError({
      what: 'samo: referencePoint',
      expected: problem.objectives.length,
      actual: reference.length,
      unit: 'values (one per objective)',
    });
  }
  return reference;
}

/** Every objective, then every constraint, with its pool (checked: named factories). */
function resolvePools(problem: Problem, given: SamoOptions['surrogates']) {
  const targets: SurrogateTarget[] = [
    ...problem.objectives.map((o, index) => ({ kind: 'objective' as const, index, name: o.name })),
    ...problem.constraints.map((c, index) => ({ kind: 'constraint' as const, index, name: c.name })),
  ];
  const pools: SurrogatePool[] = targets.map((t) => {
    const pool = typeof given === 'function' ? given(t) : (given ?? defaultSurrogatePool());
    const names = Object.keys(pool ?? {});
    if (names.length === 0 || names.some((n) => typeof pool[n] !== 'function')) {
      throw new InvalidArgumentError({
        argument: `samo: surrogates of ${t.kind} ${t.name}`,
        expected: 'a pool of named factories, e.g. { knn: () => knnRegressor() }',
        actual: pool,
      });
    }
    return pool;
  });
  return { targets, pools };
}

/** One-hot encoding of choice variables for the regressors; the identity without them. */
function resolveEncode(problem: Problem): (X: Matrix) => Matrix {
  const encoder = problem.variables.some((v) => v.kind === 'choice')
    ? mixedEncoder(problem.variables)
    : undefined;
  return (X: Matrix): Matrix => (encoder === undefined ? X : encoder.encode(X));
}

/** Throws unless `log` is absent or the resumed log itself. */
function checkLogPaths(options: SamoOptions): void {
  if (options.resume !== undefined && options.log !== undefined && options.log !== options.resume) {
    throw new InvalidArgumentError({
      argument: 'samo: log',
      expected: `the resumed log itself (${options.resume}) or nothing`,
      actual: options.log,
      hint: 'A resumed run appends to the log it continues.',
    });
  }
}

/**
 * Checks every option of a run and fills in the study's defaults, in a fixed order (the first bad
 * option is the one reported). Makes the run's bridge when none is given (no process starts until
 * a candidate trains through it).
 */
export function resolveSamoOptions(problem: Problem, options: SamoOptions): ResolvedSamoOptions {
  if (typeof problem?.evaluate !== 'function' || !Array.isArray(problem.objectives)) {
    throw new InvalidArgumentError({ argument: 'samo(problem)', expected: 'a Problem', actual: problem });
  }
  const counts = resolveCounts(options);
  const metric = resolveSelectionMetric(options.selection ?? {});
  const fitConcurrency = positiveInteger(
    options.fitConcurrency ?? availableParallelism(),
    'samo: fitConcurrency',
  );
  const infill = oneOf(
    options.infill ?? 'random-feasible-nondominated',
    ['random-feasible-nondominated', 'max-min-distance'],
    'samo: infill',
  );
  const duplicateTolerance = resolveTolerance(options.duplicateTolerance ?? 1e-9);
  const referencePoint = resolveReference(problem, options.referencePoint);
  const bounds = problem.variables.map((v) => encodedBounds(v));
  const encode = resolveEncode(problem);
  const { targets, pools } = resolvePools(problem, options.surrogates);
  const missingSurrogates = oneOf(
    options.missingSurrogates ?? 'error',
    ['error', 'skip'],
    'samo: missingSurrogates',
  );
  const bridge = options.bridge ?? surrogateBridge({ processes: fitConcurrency });
  checkDesignFitsPools(counts, pools, (i, factory) => factory({ seed: 0, target: targets[i]!, bridge }));
  const seed = checkSeed(options.seed ?? 0, 'samo: seed');
  checkLogPaths(options);
  const iteration = options.iteration ?? studyIteration;
  if (typeof iteration !== 'function') {
    throw new InvalidArgumentError({
      argument: 'samo: iteration',
      expected: 'a function (context) => Promise<IterationProposal>, e.g. studyIteration',
      actual: iteration,
    });
  }
  return {
    settings: {
      ...counts,
      metric,
      fitConcurrency,
      missingSurrogates,
      optimizer: options.optimizer ?? ctaea({ populationSize: 50 }),
      optimizerTermination: options.optimizerTermination ?? maxGenerations(1000),
      infill,
      duplicateTolerance,
      bounds,
    },
    targets,
    pools,
    encode,
    referencePoint,
    bridge,
    onWarning: options.onWarning ?? ((message: string) => process.emitWarning(message, 'ParetokitWarning')),
    signal: options.signal,
    seed,
    logPath: options.resume ?? options.log,
    iteration,
  };
}
