// Real XGBoost (the PyPI package, through the surrogate bridge; scripts/setup.sh installs it).
// The bridge's own faults (crashes, hangs, timeouts, orphans) are tested in surrogate-bridge.test.ts.
import { InvalidArgumentError, toMatrix } from '@paretokit/problem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { friedman1, maxRelativeError, mixedFunction } from '../test/data.js';
import { type FaultPrograms, faultPrograms } from '../test/fault-programs.js';
import {
  BridgeAbortedError,
  BridgeLibraryError,
  BridgeUnavailableError,
  NotFittedError,
  r2,
} from './index.js';
import { surrogateBridge, xgboostRegressor } from './node.js';

let faults: FaultPrograms;
const bridge = surrogateBridge();
beforeAll(() => {
  faults = faultPrograms();
});
afterAll(() => bridge.close());

describe('xgboostRegressor with the real XGBoost', () => {
  it.each([
    { name: 'Friedman #1', train: friedman1(1500, 1), test: friedman1(2000, 2), treeMethod: 'exact' },
    { name: 'Friedman #1', train: friedman1(1500, 1), test: friedman1(2000, 2), treeMethod: 'hist' },
    {
      name: 'mixed variables',
      train: mixedFunction(400, 3),
      test: mixedFunction(800, 4),
      treeMethod: 'approx',
    },
  ] as const)(
    '$name ($treeMethod): in-process predictions equal XGBoost predict to 1e-6',
    async ({ train, test, treeMethod }) => {
      const model = xgboostRegressor({ rounds: 60, treeMethod, subsample: 0.8, seed: 3, bridge });
      await model.fit(train.X, train.y);
      expect(model.model).toContain('"learner"');
      expect(maxRelativeError(model.predict(test.X), await model.predictNative(test.X))).toBeLessThan(1e-6);
      expect(maxRelativeError(model.predict(train.X), await model.predictNative(train.X))).toBeLessThan(1e-6);
    },
  );

  it('learns: training error is small', async () => {
    const { X, y } = friedman1(500, 5, 0);
    const model = xgboostRegressor({ rounds: 200, maxDepth: 4, eta: 0.1 });
    await model.fit(X, y);
    expect(r2(y, model.predict(X))).toBeGreaterThan(0.99);
  });

  it('python without the xgboost package: BridgeUnavailableError saying what to install', async () => {
    const model = xgboostRegressor({ python: faults.pythonWithoutLibraries });
    const error = await model.fit(toMatrix([[1], [2]]), Float64Array.of(1, 2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeUnavailableError);
    expect((error as Error).message).toMatch(/XGBoost is not available .*pip install xgboost/);
    expect(() => model.predict(toMatrix([[1]]))).toThrow(NotFittedError);
  });

  it('XGBoost failing on its own (bad parameter): BridgeLibraryError with its message', async () => {
    const model = xgboostRegressor({ rounds: 2, bridge, params: { tree_method: 'no_such_method' } });
    const error = await model.fit(toMatrix([[1], [2]]), Float64Array.of(1, 2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeLibraryError);
    expect((error as Error).message).toMatch(/XGBoost raised .*no_such_method/);
  });

  it('an AbortSignal already fired: nothing is started', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user stop'));
    const model = xgboostRegressor({ bridge, signal: controller.signal });
    const error = await model.fit(toMatrix([[1], [2]]), Float64Array.of(1, 2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeAbortedError);
    expect((error as Error).cause).toEqual(new Error('user stop'));
  });

  it('XGBoost 1.x models: base_score 0.5 and exact trees by default; the same data and seed, the same model', async () => {
    const { X, y } = friedman1(100, 8);
    const a = xgboostRegressor({ rounds: 20, bridge });
    const b = xgboostRegressor({ rounds: 20 });
    await Promise.all([a.fit(X, y), b.fit(X, y)]);
    expect(a.model).toBe(b.model);
    const param = JSON.parse(a.model!).learner.learner_model_param;
    expect(String(param.base_score)).toMatch(/^\[?5E-1\]?$/);
  });

  it('checks data before any work: NaN, infinity, mismatched lengths', async () => {
    const model = xgboostRegressor({ python: 'no-such-dir/python3' });
    await expect(model.fit(toMatrix([[1], [Number.NaN]]), Float64Array.of(1, 2))).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(
      model.fit(toMatrix([[1], [2]]), Float64Array.of(1, Number.POSITIVE_INFINITY)),
    ).rejects.toThrow(InvalidArgumentError);
    await expect(model.fit(toMatrix([[1], [2]]), Float64Array.of(1))).rejects.toThrow(/expected 2 values/);
    expect(() => xgboostRegressor({ params: { 'bad key': 1 } })).toThrow(InvalidArgumentError);
    expect(() => xgboostRegressor({ eta: 0 })).toThrow(InvalidArgumentError);
  });
});
