import { checkSeed, type Matrix } from '@paretokit/problem';
import { checkCrossValidation, foldsOf, runFolds } from './internal/run-folds.js';
import type { RegressorFactory } from './regressor.js';
import { type Metric, resolveMetric } from './resolve-metric.js';

export type { Metric } from './resolve-metric.js';

/** Options of {@link crossValidate}. */
export interface CrossValidateOptions {
  /** Number of folds, at least 2 and at most the number of rows. Default 5. */
  readonly folds?: number;
  /** Score of each fold: a metric name or a function (yTrue, yPred). Default `"mape"`. */
  readonly metric?: Metric;
  /** For a metric function: true when higher is better. Built-in metrics know their direction. */
  readonly greaterIsBetter?: boolean;
  /** Seed of the shuffle that assigns rows to folds. Default 0. */
  readonly seed?: number;
}

/** What {@link crossValidate} returns. */
export interface CrossValidation {
  /** Name of the metric. */
  readonly metric: string;
  /** True when higher scores are better (r2, kendallTau). */
  readonly greaterIsBetter: boolean;
  /** Score on each held-out fold. */
  readonly scores: readonly number[];
  /** Mean of the fold scores. */
  readonly mean: number;
  /** Out-of-fold prediction of every row. */
  readonly predictions: Float64Array;
}

/**
 * k-fold cross-validation: shuffles the rows (seeded), and for each fold fits a fresh regressor
 * from `factory` on the other folds and scores its predictions on the held-out one. Data and
 * options are checked before any fit. O(folds · cost of fit + predict).
 *
 * @example
 * const X = toMatrix([[0], [1], [2], [3], [4], [5]]);
 * const cv = await crossValidate(() => knnRegressor({ k: 1 }), X, Float64Array.of(1, 1, 1, 1, 1, 1), { folds: 3 });
 * cv.scores // => [0, 0, 0]
 */
export async function crossValidate(
  factory: RegressorFactory,
  X: Matrix,
  y: Float64Array,
  options: CrossValidateOptions = {},
): Promise<CrossValidation> {
  const k = checkCrossValidation(X, y, options.folds ?? 5, 'crossValidate');
  const metric = resolveMetric(options.metric ?? 'mape', options.greaterIsBetter, 'crossValidate: metric');
  const seed = checkSeed(options.seed ?? 0, 'crossValidate: seed');
  return runFolds(factory, X, y, foldsOf(X.rows, k, seed), metric, 'crossValidate: factory');
}
