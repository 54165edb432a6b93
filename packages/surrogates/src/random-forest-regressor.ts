import { checkSeed, InvalidArgumentError, type Matrix } from '@paretokit/problem';
import { NotFittedError } from './errors/not-fitted-error.js';
import { checkInteger, checkPredictX, checkTrainingData } from './internal/check-data.js';
import { growForest } from './internal/grow-forest.js';
import { type PackedForest, packForest, predictForest } from './internal/packed-forest.js';
import type { Regressor } from './regressor.js';

/** Options of {@link randomForestRegressor}; the defaults are scikit-learn's `RandomForestRegressor`. */
export interface RandomForestRegressorOptions {
  /** Number of trees. Default 100. */
  readonly trees?: number;
  /**
   * Columns tried at each split: a number in (0, 1] is a fraction of the columns (at least one),
   * an integer >= 2 a count, or `"sqrt"` / `"log2"` of the column count. Default 1 (all columns,
   * scikit-learn's default for regression).
   */
  readonly maxFeatures?: number | 'sqrt' | 'log2';
  /** Fewest training rows in a leaf. Default 1. */
  readonly minSamplesLeaf?: number;
  /** Deepest level of a tree (the root is depth 0). Default unlimited. */
  readonly maxDepth?: number;
  /** Train each tree on a bootstrap sample (n rows drawn with replacement). Default true. */
  readonly bootstrap?: boolean;
  /**
   * Most bins per column (2..256). Columns with at most this many distinct values are split
   * exactly as CART; larger ones at equal-count bin edges. Default 256.
   */
  readonly maxBins?: number;
  /** Seed of the bootstrap samples and column draws. Default 0. */
  readonly seed?: number;
}

function resolveMtry(maxFeatures: number | 'sqrt' | 'log2', cols: number): number {
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(cols)));
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(cols)));
  if (maxFeatures <= 1) return Math.max(1, Math.floor(maxFeatures * cols));
  return Math.min(cols, maxFeatures);
}

/**
 * Random forest regression (Breiman 2001): `trees` CART trees, each grown on a bootstrap sample
 * with a random subset of columns tried at every split, predicting the mean of the trees. Trees
 * are grown to purity by default and stored in flat typed arrays. Fit O(trees · mtry · n · depth)
 * using per-node bin histograms; predict O(m · trees · depth), tree after tree over the batch.
 *
 * @example
 * const model = randomForestRegressor({ trees: 10, seed: 1 });
 * model.fit(toMatrix([[0], [1], [2], [3]]), Float64Array.of(0, 0, 1, 1));
 * model.predict(toMatrix([[-5], [9]])) // => Float64Array [0, 1]
 */
export function randomForestRegressor(options: RandomForestRegressorOptions = {}): Regressor {
  const trees = checkInteger(options.trees ?? 100, 'randomForestRegressor: trees', 1);
  const maxFeatures = options.maxFeatures ?? 1;
  if (
    maxFeatures !== 'sqrt' &&
    maxFeatures !== 'log2' &&
    !(
      typeof maxFeatures === 'number' &&
      ((maxFeatures > 0 && maxFeatures <= 1) || (Number.isInteger(maxFeatures) && maxFeatures >= 2))
    )
  ) {
    throw new InvalidArgumentError({
      argument: 'randomForestRegressor: maxFeatures',
      expected: 'a fraction in (0, 1], an integer >= 2, "sqrt" or "log2"',
      actual: maxFeatures,
    });
  }
  const minSamplesLeaf = checkInteger(
    options.minSamplesLeaf ?? 1,
    'randomForestRegressor: minSamplesLeaf',
    1,
  );
  const maxDepth =
    options.maxDepth === undefined
      ? Number.POSITIVE_INFINITY
      : checkInteger(options.maxDepth, 'randomForestRegressor: maxDepth', 0);
  const bootstrap = options.bootstrap ?? true;
  const maxBins = checkInteger(options.maxBins ?? 256, 'randomForestRegressor: maxBins', 2, 256);
  const seed = checkSeed(options.seed ?? 0, 'randomForestRegressor: seed');
  let forest: PackedForest | undefined;

  return {
    fit(X: Matrix, y: Float64Array): void {
      checkTrainingData(X, y, 'randomForestRegressor.fit');
      forest = undefined;
      const mtry = resolveMtry(maxFeatures, X.cols);
      const settings = { trees, mtry, minSamplesLeaf, maxDepth, bootstrap, maxBins, seed };
      forest = packForest(X.cols, growForest(X, y, settings));
    },

    predict(X: Matrix): Float64Array {
      if (forest === undefined) throw new NotFittedError('randomForestRegressor');
      checkPredictX(X, forest.cols, 'randomForestRegressor.predict');
      return predictForest(forest, X);
    },
  };
}
