import { access, constants, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkSeed } from '@paretokit/problem';
import type { BridgeOptions, BridgeRegressor } from './bridge-regressor.js';
import { BridgeUnavailableError } from './errors/bridge-unavailable-error.js';
import { bridgeParams, checkBridgeOptions } from './internal/bridge-params.js';
import { bridgeScaffold, checkFractions, checkOneOf } from './internal/bridge-scaffold.js';
import { checkInteger } from './internal/check-data.js';
import { csvText, float32Text, parseLines } from './internal/csv.js';
import { runProgram } from './internal/run-program.js';
import { sumLeaves } from './internal/tree-ensemble.js';
import { parseXgboostModel, type XgboostModel } from './internal/xgboost-model.js';

/** Options of {@link xgboostRegressor}; unset booster parameters keep XGBoost's own defaults. */
export interface XgboostRegressorOptions extends BridgeOptions {
  /** Boosting rounds (`num_round`). Default 100. */
  readonly rounds?: number;
  /** Learning rate (`eta`). XGBoost's default 0.3. */
  readonly eta?: number;
  /** `max_depth`. XGBoost's default 6. */
  readonly maxDepth?: number;
  /** `min_child_weight`. XGBoost's default 1. */
  readonly minChildWeight?: number;
  /** `subsample` (row fraction per tree). XGBoost's default 1. */
  readonly subsample?: number;
  /** `colsample_bytree`. XGBoost's default 1. */
  readonly colsampleBytree?: number;
  /** L2 regularization `lambda`. XGBoost's default 1. */
  readonly lambda?: number;
  /** L1 regularization `alpha`. XGBoost's default 0. */
  readonly alpha?: number;
  /** Minimum loss reduction of a split, `gamma`. XGBoost's default 0. */
  readonly gamma?: number;
  /** `tree_method`. XGBoost's default `"auto"` (exact on small data). */
  readonly treeMethod?: 'auto' | 'exact' | 'approx' | 'hist';
  /** Identity-link regression objective. Default `"reg:squarederror"`. */
  readonly objective?: 'reg:squarederror' | 'reg:absoluteerror' | 'reg:pseudohubererror';
  /** Random seed (`seed`). Default 0. */
  readonly seed?: number;
  /** Threads (`nthread`). Default 1, so that runs in parallel processes do not oversubscribe. */
  readonly nthread?: number;
  /** Path of the XGBoost command-line program. Default `/usr/bin/xgboost` (Debian package `xgboost`). */
  readonly program?: string;
}

const FACTORY = 'xgboostRegressor';

/**
 * Gradient-boosted trees trained by the real XGBoost command-line program (1.7; Debian package
 * `xgboost`), run with an argument array in a private temp folder that is removed afterwards.
 * Training data go as CSV with float32-exact numbers; the model comes back as JSON and `predict`
 * evaluates it in-process exactly as XGBoost does (float32 features and sums), equal to
 * `xgboost task=pred` to 1e-6 relative. Fit: one process run; predict O(m · rounds · depth).
 *
 * @example
 * const model = xgboostRegressor({ rounds: 20, maxDepth: 2 });
 * await model.fit(toMatrix([[0], [1], [2], [3]]), Float64Array.of(0, 0, 10, 10));
 * model.predict(toMatrix([[0], [3]]))[1] > 9 // => true
 */
export function xgboostRegressor(options: XgboostRegressorOptions = {}): BridgeRegressor {
  const timeoutMs = checkBridgeOptions(FACTORY, options);
  const rounds = checkInteger(options.rounds ?? 100, `${FACTORY}: rounds`, 1);
  const program = options.program ?? '/usr/bin/xgboost';
  const objective = checkOneOf(
    options.objective ?? 'reg:squarederror',
    ['reg:squarederror', 'reg:absoluteerror', 'reg:pseudohubererror'],
    `${FACTORY}: objective`,
  );
  checkFractions(options, ['eta', 'subsample', 'colsampleBytree'], FACTORY);
  const params = bridgeParams(
    FACTORY,
    {
      objective,
      eta: options.eta,
      max_depth:
        options.maxDepth === undefined
          ? undefined
          : checkInteger(options.maxDepth, `${FACTORY}: maxDepth`, 0),
      min_child_weight: options.minChildWeight,
      subsample: options.subsample,
      colsample_bytree: options.colsampleBytree,
      lambda: options.lambda,
      alpha: options.alpha,
      gamma: options.gamma,
      tree_method: options.treeMethod,
      seed: checkSeed(options.seed ?? 0, `${FACTORY}: seed`),
      nthread: checkInteger(options.nthread ?? 1, `${FACTORY}: nthread`, 1),
    },
    options.params,
  );
  const run = (dir: string, args: string[]) =>
    runProgram(program, args, {
      cwd: dir,
      timeoutMs,
      signal: options.signal,
      unavailable: (cause) =>
        new BridgeUnavailableError({
          library: 'XGBoost',
          missing: `cannot run ${program}`,
          install: 'apt-get install xgboost (Debian/Ubuntu; XGBoost 1.7 command-line program)',
          cause,
        }),
    });
  const ensureProgram = async () => {
    try {
      await access(program, constants.X_OK);
    } catch (cause) {
      throw new BridgeUnavailableError({
        library: 'XGBoost',
        missing: `no executable program at ${program}`,
        install: 'apt-get install xgboost (Debian/Ubuntu; XGBoost 1.7 command-line program)',
        cause,
      });
    }
  };
  return bridgeScaffold<XgboostModel>({
    name: FACTORY,
    tempPrefix: 'xgboost',
    async train(dir, X, y) {
      await ensureProgram();
      await writeFile(join(dir, 'train.csv'), csvText(X, y, float32Text));
      await writeFile(join(dir, 'train.conf'), 'task=train\n');
      const args = [...params].map(([k, v]) => `${k}=${v}`);
      await run(dir, [
        'train.conf',
        'data=train.csv?format=csv&label_column=0',
        `num_round=${rounds}`,
        ...args,
        'model_out=model.json',
      ]);
      return readFile(join(dir, 'model.json'), 'utf8');
    },
    parse: parseXgboostModel,
    predict(model, X) {
      const out = new Float64Array(X.rows).fill(model.baseScore);
      return sumLeaves(model.trees, X, out, true);
    },
    async native(dir, text, X) {
      await ensureProgram();
      await writeFile(join(dir, 'test.csv'), csvText(X, undefined, float32Text));
      await writeFile(join(dir, 'model.json'), text);
      await writeFile(join(dir, 'pred.conf'), 'task=pred\n');
      await run(dir, [
        'pred.conf',
        'test:data=test.csv?format=csv&label_column=0',
        'model_in=model.json',
        'name_pred=pred.txt',
      ]);
      return parseLines(await readFile(join(dir, 'pred.txt'), 'utf8'));
    },
  });
}
