// Real XGBoost 1.7 command-line program (scripts/setup.sh installs the Debian package) and real
// fault programs. Temp folders go to a private TMPDIR, so the test can see that none is left.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, toMatrix } from '@paretokit/problem';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { friedman1, maxRelativeError, mixedFunction } from '../test/data.js';
import { type FaultPrograms, faultPrograms } from '../test/fault-programs.js';
import {
  BridgeAbortedError,
  BridgeProcessError,
  BridgeTimeoutError,
  BridgeUnavailableError,
  NotFittedError,
  r2,
  xgboostRegressor,
} from './index.js';

let faults: FaultPrograms;
let privateTmp: string;
beforeAll(() => {
  faults = faultPrograms();
  privateTmp = mkdtempSync(join(tmpdir(), 'paretokit-xgboost-test-'));
  process.env.TMPDIR = privateTmp;
});
afterEach(() => {
  expect(readdirSync(privateTmp)).toEqual([]); // temp folders removed on success and failure
});

describe('xgboostRegressor with the real xgboost program', () => {
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
    '$name ($treeMethod): in-process predictions equal xgboost task=pred to 1e-6',
    async ({ train, test, treeMethod }) => {
      const model = xgboostRegressor({ rounds: 60, treeMethod, subsample: 0.8, seed: 3 });
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

  it('missing program: BridgeUnavailableError saying what to install', async () => {
    const model = xgboostRegressor({ program: join(faults.dir, 'no-such-xgboost') });
    const error = await model.fit(toMatrix([[1], [2]]), Float64Array.of(1, 2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeUnavailableError);
    expect((error as Error).message).toMatch(/apt-get install xgboost/);
  });

  it('a program that exits 1: BridgeProcessError with the exit code and stderr tail', async () => {
    const model = xgboostRegressor({ program: faults.fail });
    const error = await model.fit(toMatrix([[1], [2]]), Float64Array.of(1, 2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeProcessError);
    expect(error).toMatchObject({ exitCode: 1, stderrTail: 'starting\nfatal: the model file is corrupt' });
    expect(() => model.predict(toMatrix([[1]]))).toThrow(NotFittedError);
  });

  it('real xgboost failing on its own (bad parameter) reports its stderr', async () => {
    const model = xgboostRegressor({ rounds: 2, params: { tree_method: 'no_such_method' } });
    const error = await model.fit(toMatrix([[1], [2]]), Float64Array.of(1, 2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeProcessError);
    expect((error as BridgeProcessError).exitCode).not.toBe(0);
    expect((error as BridgeProcessError).stderrTail).toMatch(/no_such_method|tree_method/);
  });

  it('a program that hangs: timeoutMs kills it (and its children)', async () => {
    const started = performance.now();
    const model = xgboostRegressor({ program: faults.hang, timeoutMs: 300 });
    const error = await model.fit(toMatrix([[1], [2]]), Float64Array.of(1, 2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeTimeoutError);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('a program that hangs: an AbortSignal kills it', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user stop')), 300);
    const model = xgboostRegressor({ program: faults.hang, signal: controller.signal });
    const error = await model.fit(toMatrix([[1], [2]]), Float64Array.of(1, 2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeAbortedError);
    expect((error as Error).cause).toEqual(new Error('user stop'));
    const again = await model.fit(toMatrix([[1], [2]]), Float64Array.of(1, 2)).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(BridgeAbortedError); // already aborted: nothing is started
  });

  it('checks data before any work: NaN, infinity, mismatched lengths', async () => {
    const model = xgboostRegressor({ program: join(faults.dir, 'no-such-xgboost') });
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
