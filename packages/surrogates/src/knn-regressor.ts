import { InvalidArgumentError, type Matrix } from '@paretokit/problem';
import { NotFittedError } from './errors/not-fitted-error.js';
import { checkInteger, checkPredictX, checkTrainingData } from './internal/check-data.js';
import { fitKnn, type KnnModel, predictKnn } from './internal/knn-model.js';
import type { Regressor } from './regressor.js';

/** Options of {@link knnRegressor}. */
export interface KnnRegressorOptions {
  /** Number of neighbours averaged; at most the number of training rows. Default 5. */
  readonly k?: number;
  /**
   * `"uniform"` (plain mean, the default) or `"distance"` (weights 1/d; a query that coincides with
   * training rows gets their mean), as scikit-learn's `KNeighborsRegressor`.
   */
  readonly weights?: 'uniform' | 'distance';
  /**
   * Scale every column to zero mean and unit variance (fitted on the training rows; constant
   * columns are left unscaled), so that columns in large units do not dominate the distance.
   * Default true.
   */
  readonly standardize?: boolean;
}

/**
 * Exact k-nearest-neighbour regression with Euclidean distance: the prediction for a row is the
 * (optionally distance-weighted) mean of the `y` of its `k` closest training rows. Ties in
 * distance keep the training row that comes first. Fit O(n·d). Predict scans every training row,
 * O(m·n·(d + k)) for m query rows, or, with few columns and many rows (at least 2^(4.5 + 0.8·d):
 * 128 rows at 2 columns, 5,800 at 10), searches a k-d tree built once the model has answered 64
 * query rows, O(n·d·log n) once and about O(log n + k) per query on well-spread data. Both give
 * the same neighbours.
 *
 * @example
 * const model = knnRegressor({ k: 2, standardize: false });
 * model.fit(toMatrix([[0], [1], [2], [10]]), Float64Array.of(0, 1, 2, 10));
 * model.predict(toMatrix([[0.4], [9]])) // => Float64Array [0.5, 6]
 */
export function knnRegressor(options: KnnRegressorOptions = {}): Regressor {
  const k = checkInteger(options.k ?? 5, 'knnRegressor: k', 1);
  const weights = options.weights ?? 'uniform';
  if (weights !== 'uniform' && weights !== 'distance') {
    throw new InvalidArgumentError({
      argument: 'knnRegressor: weights',
      expected: '"uniform" or "distance"',
      actual: weights,
    });
  }
  const standardize = options.standardize ?? true;
  let model: KnnModel | undefined;

  return {
    minTrainingRows: k,
    fit(X: Matrix, y: Float64Array): void {
      checkTrainingData(X, y, 'knnRegressor.fit');
      if (k > X.rows) {
        throw new InvalidArgumentError({
          argument: 'knnRegressor: k',
          expected: `at most the number of training rows (${X.rows})`,
          actual: k,
          hint: 'Lower k or fit on more rows.',
        });
      }
      model = fitKnn(X, y, k, standardize);
    },

    predict(X: Matrix): Float64Array {
      if (model === undefined) throw new NotFittedError('knnRegressor');
      checkPredictX(X, model.cols, 'knnRegressor.predict');
      return predictKnn(model, X, weights);
    },
  };
}
