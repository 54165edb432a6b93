import { checkSeed, InvalidArgumentError, type Matrix } from '@paretokit/problem';
import type { CrossValidation } from './cross-validate.js';
import { checkCrossValidation, foldsOf, freshRegressor, runFolds } from './internal/run-folds.js';
import type { Regressor, RegressorFactory } from './regressor.js';
import { type Metric, resolveMetric } from './resolve-metric.js';

/** Options of {@link selectBest}. */
export interface SelectBestOptions {
  /** Selection metric. Default `"mape"` (the study's choice). */
  readonly metric?: Metric;
  /** For a metric function: true when higher is better. */
  readonly greaterIsBetter?: boolean;
  /** Number of folds. Default 5. */
  readonly folds?: number;
  /** Seed of the fold assignment; every candidate sees the same folds. Default 0. */
  readonly seed?: number;
  /**
   * `"throw"` (default) stops at the first candidate that fails; `"skip"` records the error and
   * goes on (e.g. a pool with a bridge whose library is not installed).
   */
  readonly onError?: 'throw' | 'skip';
}

/** One candidate's cross-validation, or the error that stopped it. */
export type CandidateResult = CrossValidation | { readonly error: unknown };

/** What {@link selectBest} returns. */
export interface Selection {
  /** Key of the winning factory in the pool. */
  readonly name: string;
  /** A fresh regressor from the winning factory, fitted on all of X and y. */
  readonly regressor: Regressor;
  /** The winner's mean cross-validated score. */
  readonly score: number;
  /** Every candidate's fold scores (or error), by pool key. */
  readonly candidates: Readonly<Record<string, CandidateResult>>;
}

/**
 * Model selection by k-fold cross-validation (the study's step 3): scores every factory of the
 * pool on the same folds, picks the best mean (the first in pool order on ties), and fits a fresh
 * regressor of the winner on all data. O(pool · (folds + 1) · cost of fit).
 *
 * @example
 * const X = toMatrix([[0], [1], [2], [3], [4], [5], [6], [7]]);
 * const y = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
 * const best = await selectBest({ far: () => knnRegressor({ k: 4 }), near: () => knnRegressor({ k: 1 }) }, X, y, { folds: 4 });
 * best.name // => 'near'
 */
export async function selectBest(
  pool: Readonly<Record<string, RegressorFactory>>,
  X: Matrix,
  y: Float64Array,
  options: SelectBestOptions = {},
): Promise<Selection> {
  const names = Object.keys(pool ?? {});
  if (names.length === 0) {
    throw new InvalidArgumentError({
      argument: 'selectBest: pool',
      expected: 'an object of at least one named factory, e.g. { knn: () => knnRegressor() }',
      actual: pool,
    });
  }
  for (const name of names) {
    if (typeof pool[name] !== 'function') {
      throw new InvalidArgumentError({
        argument: `selectBest: pool.${name}`,
        expected: 'a factory () => Regressor',
        actual: pool[name],
      });
    }
  }
  const k = checkCrossValidation(X, y, options.folds ?? 5, 'selectBest');
  const metric = resolveMetric(options.metric ?? 'mape', options.greaterIsBetter, 'selectBest: metric');
  const onError = options.onError ?? 'throw';
  if (onError !== 'throw' && onError !== 'skip') {
    throw new InvalidArgumentError({
      argument: 'selectBest: onError',
      expected: '"throw" or "skip"',
      actual: onError,
    });
  }
  const folds = foldsOf(X.rows, k, checkSeed(options.seed ?? 0, 'selectBest: seed'));
  const candidates: Record<string, CandidateResult> = {};
  let best: string | undefined;
  let bestScore = Number.NaN;
  for (const name of names) {
    try {
      const cv = await runFolds(pool[name]!, X, y, folds, metric, `selectBest: pool.${name}`);
      candidates[name] = cv;
      const better = metric.greaterIsBetter ? cv.mean > bestScore : cv.mean < bestScore;
      if (best === undefined || better || (Number.isNaN(bestScore) && !Number.isNaN(cv.mean))) {
        best = name;
        bestScore = cv.mean;
      }
    } catch (error) {
      if (onError === 'throw') throw error;
      candidates[name] = { error };
    }
  }
  if (best === undefined) {
    throw new InvalidArgumentError({
      argument: 'selectBest: pool',
      expected: 'at least one candidate that cross-validates',
      actual: names,
      hint: 'Every candidate failed; see result errors by running with onError: "throw".',
    });
  }
  const regressor = freshRegressor(pool[best]!, new WeakSet(), `selectBest: pool.${best}`);
  await regressor.fit(X, y);
  return { name: best, regressor, score: bestScore, candidates };
}
