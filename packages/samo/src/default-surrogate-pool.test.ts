import { maxGenerations } from '@paretokit/algorithms';
import { c2dtlz2 } from '@paretokit/benchmarks';
import { expect, test } from 'vitest';
import { samo } from './samo.js';

// Runs the real XGBoost and LightGBM programs (scripts/setup.sh installs both).
test('the default pool cross-validates KNN, random forest, XGBoost and LightGBM on every target', async () => {
  const warnings: string[] = [];
  const result = await samo(c2dtlz2({ nObj: 2, nVar: 5 }), {
    initialSamples: 15,
    budget: 17,
    optimizerTermination: maxGenerations(20),
    seed: 1,
    onWarning: (m) => warnings.push(m),
  });
  expect(warnings).toEqual([]);
  const [, first] = result.iterations;
  expect(first!.targets).toHaveLength(3);
  for (const t of first!.targets) {
    expect(Object.keys(t.candidates)).toEqual(['knn', 'randomForest', 'xgboost', 'lightgbm']);
    for (const c of Object.values(t.candidates)) expect(c).toHaveProperty('scores');
  }
}, 120_000);
