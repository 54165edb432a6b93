import { knnRegressor, randomForestRegressor } from '@paretokit/surrogates';
import { lightgbmRegressor, xgboostRegressor } from '@paretokit/surrogates/node';
import type { SurrogatePool } from './stages/types.js';

/**
 * The study's pool, one fresh instance per call: KNN (k = 5, standardized inputs), a random
 * forest (100 trees), XGBoost (100 rounds) and LightGBM (100 rounds, at least 3 rows per leaf, as
 * LightGBM's default of 20 leaves trees of ~40 training rows almost unsplit). Seeded from the
 * context; XGBoost and LightGBM train through the run's bridge and get its signal. When one of them
 * is not installed, SAMO stops naming what to install, or with `missingSurrogates: "skip"` drops
 * that candidate with a warning and goes on with the others.
 *
 * @example
 * Object.keys(defaultSurrogatePool()) // => ['knn', 'randomForest', 'xgboost', 'lightgbm']
 */
export function defaultSurrogatePool(): SurrogatePool {
  return {
    knn: () => knnRegressor({ k: 5 }),
    randomForest: ({ seed }) => randomForestRegressor({ trees: 100, seed }),
    xgboost: ({ seed, signal, bridge }) =>
      xgboostRegressor({ rounds: 100, seed, bridge, ...(signal === undefined ? {} : { signal }) }),
    lightgbm: ({ seed, signal, bridge }) =>
      lightgbmRegressor({
        rounds: 100,
        minDataInLeaf: 3,
        seed,
        bridge,
        ...(signal === undefined ? {} : { signal }),
      }),
  };
}
