// XGBoost and LightGBM through ParetoKit's surrogate bridge: training time of `fit` (data transfer
// and model parsing included) against the library's own training inside Python, and in-process
// `predict` against the library's own prediction (through the bridge, and inside Python). Used by
// `pnpm bench:peers`. Needs python3 with lightgbm and xgboost (scripts/setup.sh installs both).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Matrix } from '@paretokit/problem';
import { lightgbmRegressor, surrogateBridge, xgboostRegressor } from '../src/node.js';
import { friedman1 } from '../test/data.js';

/** Seconds of every repeat. */
export interface BridgeTimes {
  /** `fit` through the bridge. */
  readonly bridgeFit: number[];
  /** The library's own training inside Python: `xgb.train` / `lgb.train`, data set construction included. */
  readonly nativeFit: number[];
  /** In-process `predict` of the parsed model. */
  readonly predict: number[];
  /** `predictNative`: the library's own prediction through the bridge. */
  readonly predictNative: number[];
  /** `booster.predict` inside Python (no transfer). */
  readonly nativeInProcessPredict?: number[];
  /** Largest |in-process - native| / max(1, |native|) over the predictions. */
  readonly maxRelativeDifference: number;
}

export interface BridgeComparison {
  readonly rows: number;
  readonly rounds: number;
  readonly lightgbm: string;
  readonly xgboostVersion: string;
  readonly xgboost: BridgeTimes;
  readonly lightgbmTimes: BridgeTimes;
}

const seconds = async (f: () => unknown) => {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
};

const maxDifference = (a: Float64Array, b: Float64Array) => {
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(b[i]!)));
  return worst;
};

/** Seconds of an in-process prediction and of the library's own, and their largest relative difference. */
async function timePredictions(
  model: { predict(X: Matrix): Float64Array; predictNative(X: Matrix): Promise<Float64Array> },
  X: Matrix,
) {
  let mine: Float64Array = new Float64Array();
  const predict = await seconds(() => {
    mine = model.predict(X);
  });
  let theirs: Float64Array = new Float64Array();
  const predictNative = await seconds(async () => {
    theirs = await model.predictNative(X);
  });
  return { predict, predictNative, difference: maxDifference(mine, theirs) };
}

/**
 * Friedman #1 with `rows` rows (10 columns), 100 boosting rounds, one thread, the parameters the
 * regressors pass by default; predictions on the training rows. One bridge serves every fit, as in
 * a run. One untimed warm-up of each step, then `repeats` timed ones, fits of the two libraries
 * alternating; the libraries' own training is timed inside one Python process the same way.
 */
export async function compareBridges(options: {
  readonly rows: number;
  readonly repeats: number;
  readonly python?: string;
}): Promise<BridgeComparison> {
  const { rows, repeats } = options;
  const python = options.python ?? 'python3';
  const rounds = 100;
  const { X, y } = friedman1(rows, 7);
  const bridge = surrogateBridge({ python });
  const make = {
    xgboost: () => xgboostRegressor({ rounds, seed: 0, bridge }),
    lightgbm: () => lightgbmRegressor({ rounds, seed: 0, bridge }),
  };
  const times = {
    xgboost: { bridgeFit: [] as number[], predict: [] as number[], predictNative: [] as number[] },
    lightgbm: { bridgeFit: [] as number[], predict: [] as number[], predictNative: [] as number[] },
  };
  const diff = { xgboost: 0, lightgbm: 0 };
  try {
    for (let r = 0; r <= repeats; r++) {
      for (const library of ['xgboost', 'lightgbm'] as const) {
        const model = make[library]();
        const fit = await seconds(() => model.fit(X, y));
        const { predict, predictNative, difference } = await timePredictions(model, X);
        diff[library] = Math.max(diff[library], difference);
        if (r === 0) continue;
        times[library].bridgeFit.push(fit);
        times[library].predict.push(predict);
        times[library].predictNative.push(predictNative);
      }
    }
  } finally {
    await bridge.close();
  }
  const native = nativeTimes(python, X, y, rounds, repeats);
  return {
    rows,
    rounds,
    lightgbm: native.lightgbm,
    xgboostVersion: native.xgboost,
    xgboost: {
      ...times.xgboost,
      nativeFit: native.train.xgboost,
      nativeInProcessPredict: native.predict.xgboost,
      maxRelativeDifference: diff.xgboost,
    },
    lightgbmTimes: {
      ...times.lightgbm,
      nativeFit: native.train.lightgbm,
      nativeInProcessPredict: native.predict.lightgbm,
      maxRelativeDifference: diff.lightgbm,
    },
  };
}

/** The libraries' own training and prediction, timed inside one Python process (native_training.py). */
function nativeTimes(python: string, X: Matrix, y: Float64Array, rounds: number, repeats: number) {
  const dir = mkdtempSync(join(tmpdir(), 'paretokit-bridges-'));
  try {
    writeFileSync(join(dir, 'X.f64'), new Uint8Array(X.data.buffer, X.data.byteOffset, X.data.byteLength));
    writeFileSync(join(dir, 'y.f64'), new Uint8Array(y.buffer, y.byteOffset, y.byteLength));
    const lightgbm = { objective: 'regression', seed: 0, num_threads: 1, deterministic: true, verbosity: -1 };
    const xgboost = {
      objective: 'reg:squarederror',
      tree_method: 'exact',
      base_score: 0.5,
      seed: 0,
      nthread: 1,
    };
    writeFileSync(
      join(dir, 'job.json'),
      JSON.stringify({ rows: X.rows, cols: X.cols, rounds, lightgbm, xgboost }),
    );
    const script = fileURLToPath(new URL('native_training.py', import.meta.url));
    return JSON.parse(execFileSync(python, [script, dir, String(repeats)], { encoding: 'utf8' })) as {
      lightgbm: string;
      xgboost: string;
      train: { lightgbm: number[]; xgboost: number[] };
      predict: { lightgbm: number[]; xgboost: number[] };
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
