import { checkSeed } from '@paretokit/problem';
import type { BridgeOptions, BridgeRegressor } from './bridge-regressor.js';
import { bridgeParams, checkBridgeOptions } from './internal/bridge-params.js';
import { bridgeScaffold, checkFractions, checkOneOf } from './internal/bridge-scaffold.js';
import { checkInteger } from './internal/check-data.js';
import { type LightgbmModel, parseLightgbmModel } from './internal/lightgbm-model.js';
import { sumLeaves } from './internal/tree-ensemble.js';

/** Options of {@link lightgbmRegressor}; unset parameters keep LightGBM's own defaults. */
export interface LightgbmRegressorOptions extends BridgeOptions {
  /** Boosting rounds (`num_iterations`). Default 100. */
  readonly rounds?: number;
  /** `learning_rate`. LightGBM's default 0.1. */
  readonly learningRate?: number;
  /** `num_leaves`. LightGBM's default 31. */
  readonly numLeaves?: number;
  /** `max_depth` (-1: no limit). LightGBM's default -1. */
  readonly maxDepth?: number;
  /** `min_data_in_leaf`. LightGBM's default 20, which leaves trees of tiny data sets unsplit. */
  readonly minDataInLeaf?: number;
  /** `feature_fraction`. LightGBM's default 1. */
  readonly featureFraction?: number;
  /** `bagging_fraction` (used when `baggingFreq` > 0). LightGBM's default 1. */
  readonly baggingFraction?: number;
  /** `bagging_freq`. LightGBM's default 0 (no bagging). */
  readonly baggingFreq?: number;
  /** `lambda_l1`, `lambda_l2`. LightGBM's defaults 0. */
  readonly lambdaL1?: number;
  readonly lambdaL2?: number;
  /** Regression objective. Default `"regression"` (L2). */
  readonly objective?: 'regression' | 'regression_l1' | 'huber' | 'fair' | 'quantile' | 'mape' | 'poisson';
  /** `seed`. Default 0. */
  readonly seed?: number;
  /** `num_threads`. Default 1, so that runs in parallel processes do not oversubscribe. */
  readonly numThreads?: number;
}

const FACTORY = 'lightgbmRegressor';

/**
 * Gradient-boosted trees trained by the real LightGBM (PyPI package) through a
 * {@link SurrogateBridge}: `lgb.train` on exactly the caller's doubles, the model back in
 * LightGBM's text format, and `predict` evaluates it in-process, equal to LightGBM's own predict to
 * 1e-6 relative. Fit: one bridge request; predict O(m · rounds · depth).
 *
 * @example
 * const model = lightgbmRegressor({ rounds: 20, minDataInLeaf: 1 });
 * await model.fit(toMatrix([[0], [1], [2], [3]]), Float64Array.of(0, 0, 10, 10));
 * model.predict(toMatrix([[0], [3]]))[1] > 5 // => true
 */
export function lightgbmRegressor(options: LightgbmRegressorOptions = {}): BridgeRegressor {
  checkBridgeOptions(FACTORY, options);
  const rounds = checkInteger(options.rounds ?? 100, `${FACTORY}: rounds`, 1);
  const objective = checkOneOf(
    options.objective ?? 'regression',
    ['regression', 'regression_l1', 'huber', 'fair', 'quantile', 'mape', 'poisson'],
    `${FACTORY}: objective`,
  );
  checkFractions(options, ['learningRate', 'featureFraction', 'baggingFraction'], FACTORY);
  const params = bridgeParams(
    FACTORY,
    {
      objective,
      learning_rate: options.learningRate,
      num_leaves:
        options.numLeaves === undefined
          ? undefined
          : checkInteger(options.numLeaves, `${FACTORY}: numLeaves`, 2),
      max_depth: options.maxDepth,
      min_data_in_leaf: options.minDataInLeaf,
      feature_fraction: options.featureFraction,
      bagging_fraction: options.baggingFraction,
      bagging_freq: options.baggingFreq,
      lambda_l1: options.lambdaL1,
      lambda_l2: options.lambdaL2,
      seed: checkSeed(options.seed ?? 0, `${FACTORY}: seed`),
      num_threads: checkInteger(options.numThreads ?? 1, `${FACTORY}: numThreads`, 1),
      deterministic: true,
      verbosity: -1,
    },
    options.params,
  );
  return bridgeScaffold<LightgbmModel>(
    {
      name: FACTORY,
      library: 'lightgbm',
      rounds,
      params,
      parse: parseLightgbmModel,
      predict(model, X) {
        const out = sumLeaves(model.trees, X, new Float64Array(X.rows));
        const scale = model.average ? 1 / model.trees.roots.length : 1;
        for (let i = 0; i < out.length; i++) out[i] = model.exp ? Math.exp(out[i]! * scale) : out[i]! * scale;
        return out;
      },
    },
    options,
  );
}
