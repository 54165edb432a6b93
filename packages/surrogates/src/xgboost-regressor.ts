import { checkSeed } from '@paretokit/problem';
import type { BridgeOptions, BridgeRegressor } from './bridge-regressor.js';
import { bridgeParams, checkBridgeOptions } from './internal/bridge-params.js';
import { bridgeScaffold, checkFractions, checkOneOf } from './internal/bridge-scaffold.js';
import { checkInteger, checkNumber } from './internal/check-data.js';
import { sumLeaves } from './internal/tree-ensemble.js';
import { parseXgboostModel, type XgboostModel } from './internal/xgboost-model.js';

/** Options of {@link xgboostRegressor}; unset booster parameters keep XGBoost's own defaults. */
export interface XgboostRegressorOptions extends BridgeOptions {
  /** Boosting rounds (`num_boost_round`). Default 100. */
  readonly rounds?: number;
  /** Learning rate (`eta`). XGBoost's default 0.3. */
  readonly eta?: number;
  /** `max_depth`. XGBoost's default 6. */
  readonly maxDepth?: number;
  /** `min_child_weight`. XGBoost's default 1. */
  readonly minChildWeight?: number;
  /** `subsample` (row fraction per tree). XGBoost's default 1. */
  readonly subsample?: number;
  /** `colsample_bytree`. XGBoost's default 1. */
  readonly colsampleBytree?: number;
  /** L2 regularization `lambda`. XGBoost's default 1. */
  readonly lambda?: number;
  /** L1 regularization `alpha`. XGBoost's default 0. */
  readonly alpha?: number;
  /** Minimum loss reduction of a split, `gamma`. XGBoost's default 0. */
  readonly gamma?: number;
  /**
   * `tree_method`. Default `"exact"`: the greedy algorithm XGBoost 1.x chose for small data (2.0
   * made `"hist"` the default), exact and fast on the few hundred rows of a surrogate.
   */
  readonly treeMethod?: 'exact' | 'approx' | 'hist';
  /**
   * `base_score`, the starting prediction. Default 0.5, XGBoost 1.x's fixed start (2.0 and later
   * estimate it from y when it is unset), so that models stay those of 1.x.
   */
  readonly baseScore?: number;
  /** Identity-link regression objective. Default `"reg:squarederror"`. */
  readonly objective?: 'reg:squarederror' | 'reg:absoluteerror' | 'reg:pseudohubererror';
  /** Random seed (`seed`). Default 0. */
  readonly seed?: number;
  /** Threads (`nthread`). Default 1, so that runs in parallel processes do not oversubscribe. */
  readonly nthread?: number;
}

const FACTORY = 'xgboostRegressor';

/**
 * Gradient-boosted trees trained by the real XGBoost (PyPI package) through a
 * {@link SurrogateBridge}: `xgb.train` on the caller's data, the model back as XGBoost's JSON, and
 * `predict` evaluates it in-process exactly as XGBoost does (float32 features and sums), equal to
 * XGBoost's own predict to 1e-6 relative. Fit: one bridge request; predict O(m · rounds · depth).
 *
 * @example
 * const model = xgboostRegressor({ rounds: 20, maxDepth: 2 });
 * await model.fit(toMatrix([[0], [1], [2], [3]]), Float64Array.of(0, 0, 10, 10));
 * model.predict(toMatrix([[0], [3]]))[1] > 9 // => true
 */
export function xgboostRegressor(options: XgboostRegressorOptions = {}): BridgeRegressor {
  checkBridgeOptions(FACTORY, options);
  const rounds = checkInteger(options.rounds ?? 100, `${FACTORY}: rounds`, 1);
  const objective = checkOneOf(
    options.objective ?? 'reg:squarederror',
    ['reg:squarederror', 'reg:absoluteerror', 'reg:pseudohubererror'],
    `${FACTORY}: objective`,
  );
  checkFractions(options, ['eta', 'subsample', 'colsampleBytree'], FACTORY);
  const params = bridgeParams(
    FACTORY,
    {
      objective,
      eta: options.eta,
      max_depth:
        options.maxDepth === undefined
          ? undefined
          : checkInteger(options.maxDepth, `${FACTORY}: maxDepth`, 0),
      min_child_weight: options.minChildWeight,
      subsample: options.subsample,
      colsample_bytree: options.colsampleBytree,
      lambda: options.lambda,
      alpha: options.alpha,
      gamma: options.gamma,
      tree_method: checkOneOf(
        options.treeMethod ?? 'exact',
        ['exact', 'approx', 'hist'],
        `${FACTORY}: treeMethod`,
      ),
      base_score: checkNumber(options.baseScore ?? 0.5, `${FACTORY}: baseScore`, -Infinity, Infinity),
      seed: checkSeed(options.seed ?? 0, `${FACTORY}: seed`),
      nthread: checkInteger(options.nthread ?? 1, `${FACTORY}: nthread`, 1),
    },
    options.params,
  );
  return bridgeScaffold<XgboostModel>(
    {
      name: FACTORY,
      library: 'xgboost',
      rounds,
      params,
      parse: parseXgboostModel,
      predict(model, X) {
        const out = new Float64Array(X.rows).fill(model.baseScore);
        return sumLeaves(model.trees, X, out, true);
      },
    },
    options,
  );
}
