import { DimensionMismatchError, InvalidArgumentError, toMatrix } from '@paretokit/problem';
import { describe, expect, it } from 'vitest';
import { friedman1 } from '../test/data.js';
import {
  BridgeUnavailableError,
  crossValidate,
  encodedRegressor,
  knnRegressor,
  mixedEncoder,
  type Regressor,
  randomForestRegressor,
  selectBest,
} from './index.js';
import { xgboostRegressor } from './node.js';

/** A regressor that records its calls, to check what selectBest and crossValidate do. */
function spy(log: string[], name: string, constant?: number): Regressor {
  let mean = 0;
  return {
    fit(X, y) {
      log.push(`${name}.fit(${X.rows})`);
      mean = constant ?? y.reduce((s, v) => s + v, 0) / y.length;
    },
    predict(X) {
      return new Float64Array(X.rows).fill(mean);
    },
  };
}

describe('crossValidate', () => {
  it('fits one fresh regressor per fold on the other folds, out-of-fold predictions cover every row', async () => {
    const { X, y } = friedman1(23, 1);
    const log: string[] = [];
    const cv = await crossValidate(() => spy(log, 'm'), X, y, { folds: 5, metric: 'rmse', seed: 3 });
    // 23 rows in 5 folds: 5, 5, 5, 4, 4 held out (scikit-learn's KFold sizes).
    expect(log).toEqual(['m.fit(18)', 'm.fit(18)', 'm.fit(18)', 'm.fit(19)', 'm.fit(19)']);
    expect(cv.scores).toHaveLength(5);
    expect(cv.metric).toBe('rmse');
    expect(cv.predictions.every((v) => v !== 0)).toBe(true);
    expect(cv.mean).toBeCloseTo(cv.scores.reduce((s, v) => s + v, 0) / 5, 12);
  });

  it('is deterministic for a seed', async () => {
    const { X, y } = friedman1(60, 2);
    const run = () => crossValidate(() => randomForestRegressor({ trees: 10 }), X, y, { seed: 5 });
    expect((await run()).scores).toEqual((await run()).scores);
  });

  it('rejects bad input before any fit', async () => {
    const log: string[] = [];
    const factory = () => spy(log, 'm');
    const X = toMatrix([[1], [2], [3]]);
    await expect(crossValidate(factory, X, Float64Array.of(1, 2, 3), { folds: 4 })).rejects.toThrow(
      /at least as many rows as folds \(4\)/,
    );
    await expect(crossValidate(factory, X, Float64Array.of(1, 2), { folds: 2 })).rejects.toThrow(
      DimensionMismatchError,
    );
    await expect(crossValidate(factory, X, Float64Array.of(1, Number.NaN, 3), { folds: 2 })).rejects.toThrow(
      /y\[1\]: expected a finite number/,
    );
    await expect(crossValidate(factory, X, Float64Array.of(1, 2, 3), { folds: 1 })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(
      crossValidate(factory, X, Float64Array.of(1, 2, 3), { metric: 'mse' as never }),
    ).rejects.toThrow(InvalidArgumentError);
    expect(log).toEqual([]);
  });

  it('refuses a factory that hands out the same instance twice', async () => {
    const shared = knnRegressor({ k: 1 });
    const { X, y } = friedman1(10, 3);
    await expect(crossValidate(() => shared, X, y, { folds: 2 })).rejects.toThrow(
      /a new regressor on every call/,
    );
  });
});

describe('selectBest', () => {
  it('picks the lowest CV-MAPE, refits the winner on all data and reports every candidate', async () => {
    const { X, y } = friedman1(120, 4);
    const log: string[] = [];
    const best = await selectBest(
      {
        constant: () => spy(log, 'constant', 1),
        mean: () => spy(log, 'mean'),
        forest: () => randomForestRegressor({ trees: 30, seed: 1 }),
      },
      X,
      y,
      { folds: 4, seed: 2 },
    );
    expect(best.name).toBe('forest');
    expect(Object.keys(best.candidates)).toEqual(['constant', 'mean', 'forest']);
    for (const result of Object.values(best.candidates))
      expect((result as unknown as { scores: number[] }).scores).toHaveLength(4);
    expect(best.score).toBe((best.candidates.forest as { mean: number }).mean);
    // The winner is a fresh instance fitted on all rows.
    expect(best.regressor.predict(X)).toHaveLength(120);
    expect(log.filter((l) => l.endsWith('(120)'))).toEqual([]);
  });

  it('higher-is-better metrics pick the largest score', async () => {
    const { X, y } = friedman1(80, 5);
    const best = await selectBest(
      { far: () => knnRegressor({ k: 40 }), near: () => knnRegressor({ k: 3 }) },
      X,
      y,
      { metric: 'r2' },
    );
    expect(best.name).toBe('near');
  });

  it('with onError "skip", an unavailable bridge is recorded and the others still compete', async () => {
    const { X, y } = friedman1(50, 6);
    const best = await selectBest(
      { xgb: () => xgboostRegressor({ python: 'no-such-dir/python3' }), knn: () => knnRegressor() },
      X,
      y,
      { onError: 'skip' },
    );
    expect(best.name).toBe('knn');
    expect((best.candidates.xgb as { error: unknown }).error).toBeInstanceOf(BridgeUnavailableError);
    await expect(
      selectBest({ xgb: () => xgboostRegressor({ python: 'no-such-dir/python3' }) }, X, y),
    ).rejects.toThrow(BridgeUnavailableError);
  });

  it('rejects an empty pool and bad data before any work', async () => {
    const X = toMatrix([[1], [2]]);
    await expect(selectBest({}, X, Float64Array.of(1, 2))).rejects.toThrow(InvalidArgumentError);
    await expect(selectBest({ knn: () => knnRegressor() }, X, Float64Array.of(1, 2))).rejects.toThrow(
      /rows as folds/,
    );
  });
});

describe('mixedEncoder', () => {
  it('one-hot or ordinal choices, reals and binaries pass through', async () => {
    const { binary, choice, integer, real } = await import('@paretokit/problem');
    const variables = [
      real(0, 1, { name: 'r' }),
      integer(1, 5, { name: 'i' }),
      choice(['a', 'b', 'c'], { name: 'c' }),
      binary({ name: 'b' }),
    ];
    const oneHot = mixedEncoder(variables);
    expect(oneHot.names).toEqual(['r', 'i', 'c=a', 'c=b', 'c=c', 'b']);
    expect(Array.from(oneHot.encode(toMatrix([[0.5, 3, 1, 1]])).data)).toEqual([0.5, 3, 0, 1, 0, 1]);
    const ordinal = mixedEncoder(variables, { choices: 'ordinal' });
    expect(ordinal.cols).toBe(4);
    expect(() => oneHot.encode(toMatrix([[0.5, 3, 7, 1]]))).toThrow(/choice index in \[0, 2\]/);
    expect(() => oneHot.encode(toMatrix([[0.5, 3]]))).toThrow(DimensionMismatchError);
    const model = encodedRegressor(oneHot, knnRegressor({ k: 1 }));
    model.fit(
      toMatrix([
        [0.5, 3, 1, 1],
        [0.5, 3, 2, 1],
      ]),
      Float64Array.of(10, 20),
    );
    expect(model.predict(toMatrix([[0.5, 3, 2, 1]]))).toEqual(Float64Array.of(20));
  });
});
