import { checkSeed, InvalidArgumentError, type Matrix, Random } from '@paretokit/problem';
import { NotFittedError } from './errors/not-fitted-error.js';
import { binFeatures } from './internal/bin-features.js';
import { checkInteger, checkPredictX, checkTrainingData } from './internal/check-data.js';
import { type GrownTree, growTree, TreeScratch } from './internal/grow-tree.js';
import { concatTrees, sumLeaves, type TreeEnsemble } from './internal/tree-ensemble.js';
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
 * using per-node bin histograms; predict O(m · trees · depth).
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
  let forest: TreeEnsemble | undefined;

  return {
    fit(X: Matrix, y: Float64Array): void {
      checkTrainingData(X, y, 'randomForestRegressor.fit');
      forest = undefined;
      const n = X.rows;
      const binned = binFeatures(X, maxBins);
      const settings = { mtry: resolveMtry(maxFeatures, X.cols), minSamplesLeaf, maxDepth };
      const root = Random.fromSeed(seed);
      const scratch = new TreeScratch(n);
      const weights = new Float64Array(n);
      const grown: GrownTree[] = [];
      for (let t = 0; t < trees; t++) {
        const rng = root.split();
        weights.fill(bootstrap ? 0 : 1);
        if (bootstrap) for (let k = 0; k < n; k++) weights[rng.int(n)]!++;
        let used = 0;
        for (let i = 0; i < n; i++) if (weights[i]! > 0) used++;
        const samples = new Int32Array(used);
        for (let i = 0, k = 0; i < n; i++) if (weights[i]! > 0) samples[k++] = i;
        grown.push(growTree(binned, y, weights, samples, settings, rng, scratch));
      }
      forest = concatTrees('le', X.cols, grown);
    },

    predict(X: Matrix): Float64Array {
      if (forest === undefined) throw new NotFittedError('randomForestRegressor');
      checkPredictX(X, forest.cols, 'randomForestRegressor.predict');
      const out = sumLeaves(forest, X, new Float64Array(X.rows));
      const count = forest.roots.length;
      for (let i = 0; i < out.length; i++) out[i]! /= count;
      return out;
    },
  };
}
