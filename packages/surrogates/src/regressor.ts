import type { Matrix } from '@paretokit/problem';

/**
 * A model of one output from rows of inputs (ARCHITECTURE.md). `fit` learns from `X` (one row per
 * sample) and `y`; `predict` returns one value per row of its `X`. `fit` may be async (the XGBoost
 * and LightGBM bridges run a program); `predict` is always synchronous and in-process.
 *
 * @example
 * const model: Regressor = knnRegressor({ k: 1 });
 * model.fit(toMatrix([[0], [1]]), Float64Array.of(5, 7));
 * model.predict(toMatrix([[0.9]])) // => Float64Array [7]
 */
export interface Regressor {
  fit(X: Matrix, y: Float64Array): void | Promise<void>;
  predict(X: Matrix): Float64Array;
  /**
   * Only on regressors that report uncertainty (a Gaussian process): the posterior variance of the
   * prediction at each row (of the modelled function, without observation noise), >= 0, in y units
   * squared; what expected improvement and probability of feasibility need.
   */
  predictVariance?(X: Matrix): Float64Array;
  /**
   * The fewest training rows `fit` accepts, when more than one (k-nearest neighbours: k). Lets a
   * caller refuse a design too small for its cross-validation folds before any evaluation.
   */
  readonly minTrainingRows?: number;
}

/**
 * Makes a new, unfitted regressor on every call. Cross-validation and model selection take
 * factories, not instances, so no fitted model is ever shared between folds.
 *
 * @example
 * const factory: RegressorFactory = () => knnRegressor({ k: 3 });
 * factory() === factory() // => false
 */
export type RegressorFactory = () => Regressor;
