// XGBoost and LightGBM through ParetoKit's bridges: training time of `fit` (process start, data
// transfer and model parsing included) against the library's own training, and in-process
// `predict` against the library's own prediction (`predictNative`: one process run per call; for
// LightGBM also its in-process Python predict). Used by `pnpm bench:peers`. Needs /usr/bin/xgboost
// (Debian package xgboost) and python3 with lightgbm (scripts/setup.sh installs both).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Matrix } from '@paretokit/problem';
import { lightgbmRegressor, xgboostRegressor } from '../src/index.js';
import { csvText, float32Text } from '../src/internal/csv.js';
import { friedman1 } from '../test/data.js';

/** Seconds of every repeat. */
export interface BridgeTimes {
  /** `fit` through the bridge. */
  readonly bridgeFit: number[];
  /** The library's own training: the XGBoost program run directly on a prepared CSV file; `lgb.train` in Python. */
  readonly nativeFit: number[];
  /** In-process `predict` of the parsed model. */
  readonly predict: number[];
  /** `predictNative`: the library's own prediction, one process run. */
  readonly predictNative: number[];
  /** LightGBM only: `booster.predict` inside Python (no process start). */
  readonly nativeInProcessPredict?: number[];
  /** Largest |in-process - native| / max(1, |native|) over the predictions. */
  readonly maxRelativeDifference: number;
}

export interface BridgeComparison {
  readonly rows: number;
  readonly rounds: number;
  readonly lightgbm: string;
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
 * Friedman #1 with `rows` rows (10 columns), 100 boosting rounds, one thread, the libraries'
 * default tree settings; predictions on the training rows. One untimed warm-up of each step, then
 * `repeats` timed ones.
 */
export async function compareBridges(options: {
  readonly rows: number;
  readonly repeats: number;
  readonly python?: string;
  readonly xgboost?: string;
}): Promise<BridgeComparison> {
  const { rows, repeats } = options;
  const python = options.python ?? 'python3';
  const program = options.xgboost ?? '/usr/bin/xgboost';
  const rounds = 100;
  const { X, y } = friedman1(rows, 7);
  const dir = mkdtempSync(join(tmpdir(), 'paretokit-bridges-'));
  try {
    // XGBoost: the bridge's fit against the program alone, with the arguments the bridge passes.
    writeFileSync(join(dir, 'train.csv'), csvText(X, y, float32Text));
    writeFileSync(join(dir, 'train.conf'), 'task=train\n');
    const xgbArgs = [
      'train.conf',
      'data=train.csv?format=csv&label_column=0',
      `num_round=${rounds}`,
      'objective=reg:squarederror',
      'seed=0',
      'nthread=1',
      'model_out=model.json',
    ];
    const xgb = {
      bridgeFit: [] as number[],
      nativeFit: [] as number[],
      predict: [] as number[],
      predictNative: [] as number[],
    };
    let xgbDiff = 0;
    for (let r = 0; r <= repeats; r++) {
      const model = xgboostRegressor({ rounds, seed: 0, program });
      const fit = await seconds(() => model.fit(X, y));
      const native = await seconds(() => execFileSync(program, xgbArgs, { cwd: dir, stdio: 'ignore' }));
      const { predict, predictNative, difference } = await timePredictions(model, X);
      xgbDiff = Math.max(xgbDiff, difference);
      if (r === 0) continue;
      xgb.bridgeFit.push(fit);
      xgb.nativeFit.push(native);
      xgb.predict.push(predict);
      xgb.predictNative.push(predictNative);
    }

    // LightGBM: the bridge (Python process) against lgb.train / booster.predict inside Python.
    const params = { objective: 'regression', seed: 0, num_threads: 1, deterministic: true, verbosity: -1 };
    writeFileSync(join(dir, 'X.f64'), new Uint8Array(X.data.buffer, X.data.byteOffset, X.data.byteLength));
    writeFileSync(join(dir, 'y.f64'), new Uint8Array(y.buffer, y.byteOffset, y.byteLength));
    writeFileSync(join(dir, 'job.json'), JSON.stringify({ rows, cols: X.cols, rounds, params }));
    const lgbNative = JSON.parse(
      execFileSync(
        python,
        [fileURLToPath(new URL('lightgbm_native.py', import.meta.url)), dir, String(repeats)],
        {
          encoding: 'utf8',
        },
      ),
    ) as { lightgbm: string; train: number[]; predict: number[] };
    const lgbm = { bridgeFit: [] as number[], predict: [] as number[], predictNative: [] as number[] };
    let lgbDiff = 0;
    for (let r = 0; r <= repeats; r++) {
      const model = lightgbmRegressor({ rounds, seed: 0, python });
      const fit = await seconds(() => model.fit(X, y));
      const { predict, predictNative, difference } = await timePredictions(model, X);
      lgbDiff = Math.max(lgbDiff, difference);
      if (r === 0) continue;
      lgbm.bridgeFit.push(fit);
      lgbm.predict.push(predict);
      lgbm.predictNative.push(predictNative);
    }
    return {
      rows,
      rounds,
      lightgbm: lgbNative.lightgbm,
      xgboost: { ...xgb, maxRelativeDifference: xgbDiff },
      lightgbmTimes: {
        ...lgbm,
        nativeFit: lgbNative.train,
        nativeInProcessPredict: lgbNative.predict,
        maxRelativeDifference: lgbDiff,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
