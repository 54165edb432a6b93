// Surrogates that say how sure they are: a Gaussian process (ARD Matern 5/2, hyperparameters by
// maximum likelihood) next to XGBoost and LightGBM trained by the real libraries in one long-lived
// Python process (the surrogate bridge: started on the first fit, closed at the end).
import { latinHypercube, real, variableSpace } from '@paretokit/problem';
import { gaussianProcessRegressor, mape } from '@paretokit/surrogates';
import { lightgbmRegressor, surrogateBridge, xgboostRegressor } from '@paretokit/surrogates/node';

const space = variableSpace({ a: real(0, 1), b: real(0, 1), c: real(0, 1) });
const f = (x: Float64Array) => 2 + Math.sin(6 * x[0]!) + (x[1]! - 0.5) ** 2 + 0.1 * x[2]!;
const sample = (n: number, seed: number) => {
  const X = latinHypercube(space, n, { seed });
  return { X, y: Float64Array.from({ length: n }, (_, i) => f(X.data.subarray(i * 3, i * 3 + 3))) };
};
const train = sample(40, 1);
const test = sample(200, 2);

const gp = gaussianProcessRegressor({ seed: 1 });
gp.fit(train.X, train.y);
const sd = gp.predictVariance(test.X).map(Math.sqrt);
console.log(
  `GP: test MAPE ${mape(test.y, gp.predict(test.X)).toFixed(4)}, mean predicted sd ${(sd.reduce((a, b) => a + b) / sd.length).toFixed(4)}`,
);
console.log(
  `GP length scales: ${gp.hyperparameters.lengthScales.map((l) => l.toPrecision(3)).join(', ')} (c matters least)`,
);

const bridge = surrogateBridge();
try {
  for (const [name, model] of [
    ['XGBoost', xgboostRegressor({ rounds: 100, maxDepth: 3, bridge })],
    ['LightGBM', lightgbmRegressor({ rounds: 100, minDataInLeaf: 3, bridge })],
  ] as const) {
    await model.fit(train.X, train.y);
    console.log(
      `${name}: test MAPE ${mape(test.y, model.predict(test.X)).toFixed(4)}, trained by the bridge`,
    );
  }
} finally {
  await bridge.close();
}
