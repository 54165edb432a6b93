import { InvalidArgumentError, type Matrix } from '@paretokit/problem';
import { NotFittedError } from './errors/not-fitted-error.js';
import { checkInteger, checkPredictX, checkTrainingData } from './internal/check-data.js';
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
 * distance keep the training row that comes first. Fit O(n·d); predict O(m·n·(d + k)) for m
 * query rows, with no index structure: brute force is fastest for the hundreds of training rows of
 * surrogate-assisted optimization.
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
  let train: Float64Array | undefined;
  let target = new Float64Array(0);
  let shift = new Float64Array(0);
  let scale = new Float64Array(0);
  let rows = 0;
  let cols = 0;

  return {
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
      rows = X.rows;
      cols = X.cols;
      shift = new Float64Array(cols);
      scale = new Float64Array(cols).fill(1);
      if (standardize) {
        for (let j = 0; j < cols; j++) {
          let mean = 0;
          for (let i = 0; i < rows; i++) mean += X.data[i * cols + j]!;
          mean /= rows;
          let variance = 0;
          for (let i = 0; i < rows; i++) variance += (X.data[i * cols + j]! - mean) ** 2;
          const sd = Math.sqrt(variance / rows);
          shift[j] = mean;
          scale[j] = sd > 0 ? 1 / sd : 1;
        }
      }
      train = new Float64Array(rows * cols);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) train[i * cols + j] = (X.data[i * cols + j]! - shift[j]!) * scale[j]!;
      }
      target = y.slice();
    },

    predict(X: Matrix): Float64Array {
      if (train === undefined) throw new NotFittedError('knnRegressor');
      checkPredictX(X, cols, 'knnRegressor.predict');
      const out = new Float64Array(X.rows);
      const query = new Float64Array(cols);
      // Sorted k best (squared distance, index): insertion keeps it O(k) per accepted candidate.
      const bestD = new Float64Array(k);
      const bestI = new Int32Array(k);
      for (let q = 0; q < X.rows; q++) {
        for (let j = 0; j < cols; j++) query[j] = (X.data[q * cols + j]! - shift[j]!) * scale[j]!;
        bestD.fill(Number.POSITIVE_INFINITY);
        for (let i = 0; i < rows; i++) {
          const worst = bestD[k - 1]!;
          let d = 0;
          for (let j = 0, o = i * cols; j < cols && d < worst; j++) {
            const diff = query[j]! - train[o + j]!;
            d += diff * diff;
          }
          if (d >= worst) continue;
          let p = k - 1;
          while (p > 0 && bestD[p - 1]! > d) {
            bestD[p] = bestD[p - 1]!;
            bestI[p] = bestI[p - 1]!;
            p--;
          }
          bestD[p] = d;
          bestI[p] = i;
        }
        out[q] = weights === 'uniform' ? uniformMean(bestI, target) : distanceMean(bestD, bestI, target);
      }
      return out;
    },
  };
}

function uniformMean(index: Int32Array, target: Float64Array): number {
  let sum = 0;
  for (let p = 0; p < index.length; p++) sum += target[index[p]!]!;
  return sum / index.length;
}

function distanceMean(squared: Float64Array, index: Int32Array, target: Float64Array): number {
  // Exact matches (distance 0) take all the weight, as in scikit-learn.
  if (squared[0] === 0) {
    let sum = 0;
    let count = 0;
    for (let p = 0; p < index.length && squared[p] === 0; p++, count++) sum += target[index[p]!]!;
    return sum / count;
  }
  let sum = 0;
  let weight = 0;
  for (let p = 0; p < index.length; p++) {
    const w = 1 / Math.sqrt(squared[p]!);
    sum += w * target[index[p]!]!;
    weight += w;
  }
  return sum / weight;
}
