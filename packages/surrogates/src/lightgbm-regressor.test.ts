// Real LightGBM (the PyPI package, through the surrogate bridge; scripts/setup.sh installs it).
// The bridge's own faults (crashes, hangs, timeouts, orphans) are tested in surrogate-bridge.test.ts.
import { InvalidArgumentError, toMatrix } from '@paretokit/problem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { friedman1, maxRelativeError, mixedFunction, vstack } from '../test/data.js';
import { type FaultPrograms, faultPrograms } from '../test/fault-programs.js';
import { BridgeLibraryError, BridgeUnavailableError } from './index.js';
import { lightgbmRegressor, surrogateBridge } from './node.js';

let faults: FaultPrograms;
const bridge = surrogateBridge();
beforeAll(() => {
  faults = faultPrograms();
});
afterAll(() => bridge.close());
const tiny = () => [toMatrix([[1], [2]]), Float64Array.of(1, 2)] as const;

describe('lightgbmRegressor with the real LightGBM', () => {
  it.each([
    { name: 'Friedman #1, gbdt', train: friedman1(1500, 1), test: friedman1(2000, 2), options: {} },
    {
      name: 'mixed variables, rf boosting',
      train: mixedFunction(400, 3),
      test: mixedFunction(800, 4),
      options: { params: { boosting: 'rf', bagging_fraction: 0.6, bagging_freq: 1 } },
    },
    {
      name: 'mixed variables, poisson',
      train: mixedFunction(400, 3),
      test: mixedFunction(800, 4),
      options: { objective: 'poisson', minDataInLeaf: 5 },
    },
  ] as const)(
    '$name: in-process predictions equal LightGBM predict to 1e-6',
    async ({ train, test, options }) => {
      const model = lightgbmRegressor({ rounds: 50, bridge, ...options });
      await model.fit(train.X, train.y);
      expect(model.model).toMatch(/^tree\n/);
      const both = vstack(test.X, train.X);
      expect(maxRelativeError(model.predict(both), await model.predictNative(both))).toBeLessThan(1e-6);
    },
    60_000,
  );

  it('the same data and seed give the same model text (also through the shared default bridge)', async () => {
    const { X, y } = friedman1(200, 7);
    const a = lightgbmRegressor({ rounds: 30, seed: 4, bridge });
    const b = lightgbmRegressor({ rounds: 30, seed: 4 });
    await Promise.all([a.fit(X, y), b.fit(X, y)]);
    expect(a.model).toBe(b.model);
  });

  it('python without the lightgbm package: BridgeUnavailableError saying what to install', async () => {
    const model = lightgbmRegressor({ python: faults.pythonWithoutLibraries });
    const error = await model.fit(...tiny()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeUnavailableError);
    expect((error as Error).message).toMatch(/LightGBM is not available .*pip install lightgbm/);
  });

  it('no python at all: BridgeUnavailableError', async () => {
    const model = lightgbmRegressor({ python: 'no-such-dir/python3' });
    await expect(model.fit(...tiny())).rejects.toThrow(/cannot run no-such-dir\/python3 \(ENOENT\)/);
    await expect(model.fit(...tiny())).rejects.toThrow(BridgeUnavailableError);
  });

  it('LightGBM refusing a parameter: BridgeLibraryError with its message', async () => {
    const model = lightgbmRegressor({ bridge, params: { objective: 'no_such_objective' } });
    const error = await model.fit(...tiny()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeLibraryError);
    expect((error as Error).message).toMatch(/LightGBM raised .*no_such_objective/);
  });

  it('checks data and options before any work', async () => {
    const model = lightgbmRegressor({ python: 'no-such-dir/python3' });
    await expect(model.fit(toMatrix([[Number.NaN], [1]]), Float64Array.of(1, 2))).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(model.fit(toMatrix([[0], [1]]), Float64Array.of(1, 2, 3))).rejects.toThrow(
      /expected 2 values/,
    );
    expect(() => lightgbmRegressor({ learningRate: 2 })).toThrow(InvalidArgumentError);
    expect(() => lightgbmRegressor({ params: { objective: 'x\ny' } })).toThrow(InvalidArgumentError);
    expect(() => lightgbmRegressor({ bridge: {} as never })).toThrow(/expected a SurrogateBridge/);
    expect(() => lightgbmRegressor({ python: '' })).toThrow(/python: expected a program name or path/);
  });
});
