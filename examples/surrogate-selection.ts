// Surrogate selection as in the study's step 3: fit a pool of regressors on a mixed-variable data
// set, pick the one with the lowest 5-fold cross-validated MAPE, and predict new points with it.
// XGBoost and LightGBM join the pool when installed (scripts/setup.sh installs both).
import { choice, latinHypercube, real, variableSpace } from '@paretokit/problem';
import {
  encodedRegressor,
  knnRegressor,
  mixedEncoder,
  randomForestRegressor,
  selectBest,
} from '@paretokit/surrogates';
import { lightgbmRegressor, xgboostRegressor } from '@paretokit/surrogates/node';

const space = variableSpace({
  rate: real(0, 1),
  depth: real(0, 1),
  target: choice(['weights', 'biases', 'both']),
});
const f = (x: Float64Array) => 1 + (1 - x[0]!) ** 2 + Math.sin(3 * x[1]!) * [1, 0.4, 0.7][x[2]!]!;

const X = latinHypercube(space, 60, { seed: 7 });
const y = Float64Array.from({ length: X.rows }, (_, i) => f(X.data.subarray(i * 3, i * 3 + 3)));
const encoder = mixedEncoder(space.variables);

const best = await selectBest(
  {
    knn: () => encodedRegressor(encoder, knnRegressor({ k: 3, weights: 'distance' })),
    forest: () => randomForestRegressor({ trees: 100, seed: 1 }),
    xgboost: () => xgboostRegressor({ rounds: 100, maxDepth: 3 }),
    lightgbm: () => lightgbmRegressor({ rounds: 100, minDataInLeaf: 3 }),
  },
  X,
  y,
  { metric: 'mape', folds: 5, seed: 1, onError: 'skip' },
);
for (const [name, result] of Object.entries(best.candidates)) {
  console.log(
    name.padEnd(9),
    'mean' in result ? `CV-MAPE ${result.mean.toFixed(4)}` : `skipped: ${String(result.error)}`,
  );
}
const test = latinHypercube(space, 5, { seed: 8 });
console.log(
  'winner',
  best.name,
  'predictions',
  Array.from(best.regressor.predict(test), (v) => v.toFixed(3)).join(', '),
);
