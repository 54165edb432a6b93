import { accessSync, constants } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { checkSeed, type Matrix } from '@paretokit/problem';
import type { BridgeOptions, BridgeRegressor } from './bridge-regressor.js';
import { BridgeUnavailableError } from './errors/bridge-unavailable-error.js';
import { bridgeParams, checkBridgeOptions } from './internal/bridge-params.js';
import { bridgeScaffold, checkFractions, checkOneOf } from './internal/bridge-scaffold.js';
import { checkInteger } from './internal/check-data.js';
import { csvText, parseLines } from './internal/csv.js';
import { LIGHTGBM_BRIDGE_SCRIPT } from './internal/lightgbm-bridge-script.js';
import { type LightgbmModel, parseLightgbmModel } from './internal/lightgbm-model.js';
import { runProgram } from './internal/run-program.js';
import { sumLeaves } from './internal/tree-ensemble.js';

/** Options of {@link lightgbmRegressor}; unset parameters keep LightGBM's own defaults. */
export interface LightgbmRegressorOptions extends BridgeOptions {
  /** Boosting rounds (`num_iterations`). Default 100. */
  readonly rounds?: number;
  /** `learning_rate`. LightGBM's default 0.1. */
  readonly learningRate?: number;
  /** `num_leaves`. LightGBM's default 31. */
  readonly numLeaves?: number;
  /** `max_depth` (-1: no limit). LightGBM's default -1. */
  readonly maxDepth?: number;
  /** `min_data_in_leaf`. LightGBM's default 20, which leaves trees of tiny data sets unsplit. */
  readonly minDataInLeaf?: number;
  /** `feature_fraction`. LightGBM's default 1. */
  readonly featureFraction?: number;
  /** `bagging_fraction` (used when `baggingFreq` > 0). LightGBM's default 1. */
  readonly baggingFraction?: number;
  /** `bagging_freq`. LightGBM's default 0 (no bagging). */
  readonly baggingFreq?: number;
  /** `lambda_l1`, `lambda_l2`. LightGBM's defaults 0. */
  readonly lambdaL1?: number;
  readonly lambdaL2?: number;
  /** Regression objective. Default `"regression"` (L2). */
  readonly objective?: 'regression' | 'regression_l1' | 'huber' | 'fair' | 'quantile' | 'mape' | 'poisson';
  /** `seed`. Default 0. */
  readonly seed?: number;
  /** `num_threads`. Default 1, so that runs in parallel processes do not oversubscribe. */
  readonly numThreads?: number;
  /**
   * The LightGBM command-line program: a path, or false to always use the Python bridge. Default:
   * `lightgbm` when found on PATH.
   */
  readonly cli?: string | false;
  /** The Python 3 interpreter of the bridge (needs `pip install lightgbm`). Default `python3`. */
  readonly python?: string;
}

const FACTORY = 'lightgbmRegressor';
const INSTALL = 'python3 -m pip install lightgbm (or put the lightgbm command-line program on PATH)';

/** The first executable `name` on PATH, or undefined. O(PATH entries). */
function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Raw little-endian float64 bytes of a typed array. */
const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * Gradient-boosted trees trained by the real LightGBM: its `lightgbm` command-line program when
 * one is on PATH, else a small bridge script run by `python3` with the PyPI `lightgbm` package.
 * Runs with an argument array in a private temp folder removed afterwards; the model comes back
 * in LightGBM's text format and `predict` evaluates it in-process, equal to LightGBM's own
 * predict to 1e-6 relative. Fit: one process run; predict O(m · rounds · depth).
 *
 * @example
 * const model = lightgbmRegressor({ rounds: 20, minDataInLeaf: 1 });
 * await model.fit(toMatrix([[0], [1], [2], [3]]), Float64Array.of(0, 0, 10, 10));
 * model.predict(toMatrix([[0], [3]]))[1] > 5 // => true
 */
export function lightgbmRegressor(options: LightgbmRegressorOptions = {}): BridgeRegressor {
  const timeoutMs = checkBridgeOptions(FACTORY, options);
  const rounds = checkInteger(options.rounds ?? 100, `${FACTORY}: rounds`, 1);
  const python = options.python ?? 'python3';
  const objective = checkOneOf(
    options.objective ?? 'regression',
    ['regression', 'regression_l1', 'huber', 'fair', 'quantile', 'mape', 'poisson'],
    `${FACTORY}: objective`,
  );
  checkFractions(options, ['learningRate', 'featureFraction', 'baggingFraction'], FACTORY);
  const params = bridgeParams(
    FACTORY,
    {
      objective,
      learning_rate: options.learningRate,
      num_leaves:
        options.numLeaves === undefined
          ? undefined
          : checkInteger(options.numLeaves, `${FACTORY}: numLeaves`, 2),
      max_depth: options.maxDepth,
      min_data_in_leaf: options.minDataInLeaf,
      feature_fraction: options.featureFraction,
      bagging_fraction: options.baggingFraction,
      bagging_freq: options.baggingFreq,
      lambda_l1: options.lambdaL1,
      lambda_l2: options.lambdaL2,
      seed: checkSeed(options.seed ?? 0, `${FACTORY}: seed`),
      num_threads: checkInteger(options.numThreads ?? 1, `${FACTORY}: numThreads`, 1),
      deterministic: true,
      verbosity: -1,
    },
    options.params,
  );

  const run = (program: string, dir: string, args: string[]) =>
    runProgram(program, args, {
      cwd: dir,
      timeoutMs,
      signal: options.signal,
      unavailable: (cause) =>
        new BridgeUnavailableError({
          library: 'LightGBM',
          missing: `cannot run ${program}`,
          install: INSTALL,
          cause,
        }),
    });

  /** Runs one job (train or predict) through the CLI or the Python bridge, inside `dir`. */
  const job = async (
    dir: string,
    mode: 'train' | 'predict',
    X: Matrix,
    y?: Float64Array,
  ): Promise<'cli' | 'python'> => {
    const cli = options.cli === false ? undefined : (options.cli ?? onPath('lightgbm'));
    if (cli !== undefined) {
      const lines = [...params].map(([k, v]) => `${k}=${v}`);
      const common = ['header=false', 'label_column=0'];
      if (mode === 'train') {
        await writeFile(join(dir, 'train.csv'), csvText(X, y, String));
        lines.push(
          'task=train',
          'data=train.csv',
          `num_iterations=${rounds}`,
          'output_model=model.txt',
          ...common,
        );
      } else {
        await writeFile(join(dir, 'test.csv'), csvText(X, undefined, String));
        lines.push(
          'task=predict',
          'data=test.csv',
          'input_model=model.txt',
          'output_result=pred.txt',
          ...common,
        );
      }
      await writeFile(join(dir, `${mode}.conf`), `${lines.join('\n')}\n`);
      await run(cli, dir, [`config=${mode}.conf`]);
      return 'cli';
    }
    const typed: Record<string, string | number | boolean> = {};
    for (const [k, v] of params) typed[k] = /^-?\d+(\.\d+)?(e-?\d+)?$/.test(v) ? Number(v) : v;
    await writeFile(join(dir, 'bridge.py'), LIGHTGBM_BRIDGE_SCRIPT);
    await writeFile(
      join(dir, 'job.json'),
      JSON.stringify({ rows: X.rows, cols: X.cols, rounds, params: typed }),
    );
    await writeFile(join(dir, 'X.f64'), bytes(X.data));
    if (y !== undefined) await writeFile(join(dir, 'y.f64'), bytes(y));
    try {
      await run(python, dir, ['bridge.py', mode]);
    } catch (error) {
      if ((error as { exitCode?: unknown }).exitCode === 3) {
        throw new BridgeUnavailableError({
          library: 'LightGBM',
          missing: `${python} cannot import lightgbm or numpy`,
          install: INSTALL,
          cause: error,
        });
      }
      throw error;
    }
    return 'python';
  };

  return bridgeScaffold<LightgbmModel>({
    name: FACTORY,
    tempPrefix: 'lightgbm',
    async train(dir, X, y) {
      await job(dir, 'train', X, y);
      return readFile(join(dir, 'model.txt'), 'utf8');
    },
    parse: parseLightgbmModel,
    predict(model, X) {
      const out = sumLeaves(model.trees, X, new Float64Array(X.rows));
      const scale = model.average ? 1 / model.trees.roots.length : 1;
      for (let i = 0; i < out.length; i++) out[i] = model.exp ? Math.exp(out[i]! * scale) : out[i]! * scale;
      return out;
    },
    async native(dir, text, X) {
      await writeFile(join(dir, 'model.txt'), text);
      if ((await job(dir, 'predict', X)) === 'cli')
        return parseLines(await readFile(join(dir, 'pred.txt'), 'utf8'));
      const raw = await readFile(join(dir, 'pred.f64'));
      return new Float64Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    },
  });
}
