// Real LightGBM (the PyPI package through the python3 bridge; scripts/setup.sh installs it) and
// real fault programs. Temp folders go to a private TMPDIR, so the test can see that none is left.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, toMatrix } from '@paretokit/problem';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { friedman1, maxRelativeError, mixedFunction } from '../test/data.js';
import { type FaultPrograms, faultPrograms } from '../test/fault-programs.js';
import {
  BridgeAbortedError,
  type BridgeProcessError,
  BridgeTimeoutError,
  BridgeUnavailableError,
  lightgbmRegressor,
} from './index.js';

let faults: FaultPrograms;
let privateTmp: string;
beforeAll(() => {
  faults = faultPrograms();
  privateTmp = mkdtempSync(join(tmpdir(), 'paretokit-lightgbm-test-'));
  process.env.TMPDIR = privateTmp;
});
afterEach(() => {
  expect(readdirSync(privateTmp)).toEqual([]);
});
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
      const model = lightgbmRegressor({ rounds: 50, cli: false, ...options });
      await model.fit(train.X, train.y);
      expect(model.model).toMatch(/^tree\n/);
      const both = vstackPair(test.X, train.X);
      expect(maxRelativeError(model.predict(both), await model.predictNative(both))).toBeLessThan(1e-6);
    },
    60_000,
  );

  it('python without the lightgbm package: BridgeUnavailableError saying what to install', async () => {
    const model = lightgbmRegressor({ cli: false, python: faults.pythonWithoutPackages });
    const error = await model.fit(...tiny()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeUnavailableError);
    expect((error as Error).message).toMatch(/pip install lightgbm/);
  });

  it('no python at all: BridgeUnavailableError', async () => {
    const model = lightgbmRegressor({ cli: false, python: join(faults.dir, 'no-such-python3') });
    await expect(model.fit(...tiny())).rejects.toThrow(BridgeUnavailableError);
  });

  it('a program that exits 1: BridgeProcessError with the exit code and stderr tail', async () => {
    const model = lightgbmRegressor({ cli: faults.fail });
    const error = await model.fit(...tiny()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'BridgeProcessError', exitCode: 1 });
    expect((error as BridgeProcessError).stderrTail).toMatch(/fatal: the model file is corrupt$/);
  });

  it('a program that hangs: timeoutMs and AbortSignal kill it', async () => {
    const timed = lightgbmRegressor({ python: faults.hang, cli: false, timeoutMs: 300 });
    await expect(timed.fit(...tiny())).rejects.toThrow(BridgeTimeoutError);
    const controller = new AbortController();
    const aborted = lightgbmRegressor({ cli: faults.hang, signal: controller.signal });
    const pending = aborted.fit(...tiny());
    setTimeout(() => controller.abort(), 200);
    await expect(pending).rejects.toThrow(BridgeAbortedError);
  });

  it('checks data and options before any work', async () => {
    const model = lightgbmRegressor({ cli: join(faults.dir, 'no-such-lightgbm') });
    await expect(model.fit(toMatrix([[Number.NaN], [1]]), Float64Array.of(1, 2))).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(model.fit(toMatrix([[0], [1]]), Float64Array.of(1, 2, 3))).rejects.toThrow(
      /expected 2 values/,
    );
    expect(() => lightgbmRegressor({ learningRate: 2 })).toThrow(InvalidArgumentError);
    expect(() => lightgbmRegressor({ params: { objective: 'x\ny' } })).toThrow(InvalidArgumentError);
  });
});

function vstackPair(a: ReturnType<typeof toMatrix>, b: ReturnType<typeof toMatrix>) {
  const data = new Float64Array(a.data.length + b.data.length);
  data.set(a.data);
  data.set(b.data, a.data.length);
  return { rows: a.rows + b.rows, cols: a.cols, data };
}
