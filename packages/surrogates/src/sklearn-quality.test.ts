// Quality against scikit-learn on the same train/test splits (fixtures written by
// scripts/sklearn-fixtures.py; the file names the scikit-learn version). KNN must match exactly
// up to rounding; random forests (different random streams) within 5 % in MAPE and R².
import { readFileSync } from 'node:fs';
import { toMatrix } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { knnRegressor, mape, r2, randomForestRegressor } from './index.js';

interface Fixture {
  sklearn: string;
  cases: {
    dataset: string;
    train: { X: number[][]; y: number[] };
    test: { X: number[][]; y: number[] };
    scores: { model: 'knn' | 'randomForest'; settings: Record<string, never>; mape: number; r2: number }[];
  }[];
}
const fixture: Fixture = JSON.parse(
  readFileSync(new URL('./fixtures/sklearn-quality.json', import.meta.url), 'utf8'),
);
const median = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

describe(`quality against scikit-learn ${fixture.sklearn}`, () => {
  for (const c of fixture.cases) {
    const Xtrain = toMatrix(c.train.X);
    const ytrain = Float64Array.from(c.train.y);
    const Xtest = toMatrix(c.test.X);
    for (const s of c.scores) {
      it(`${c.dataset}: ${s.model} ${JSON.stringify(s.settings)}`, () => {
        const runs = (s.model === 'knn' ? [0] : [0, 1, 2, 3, 4]).map((seed) => {
          const model =
            s.model === 'knn' ? knnRegressor(s.settings) : randomForestRegressor({ ...s.settings, seed });
          model.fit(Xtrain, ytrain);
          const predicted = model.predict(Xtest);
          return [mape(c.test.y, predicted), r2(c.test.y, predicted)] as const;
        });
        const ours = { mape: median(runs.map((r) => r[0])), r2: median(runs.map((r) => r[1])) };
        const tolerance = s.model === 'knn' ? 1e-9 : 0.05;
        expect(Math.abs(ours.mape / s.mape - 1)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(ours.r2 / s.r2 - 1)).toBeLessThanOrEqual(tolerance);
      });
    }
  }
});
