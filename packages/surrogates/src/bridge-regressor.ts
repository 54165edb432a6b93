import type { Matrix } from '@paretokit/problem';
import type { Regressor } from './regressor.js';
import type { SurrogateBridge } from './surrogate-bridge.js';

/** Options every bridge regressor (XGBoost, LightGBM) takes besides its library's parameters. */
export interface BridgeOptions {
  /**
   * The bridge that trains the model (see {@link surrogateBridge}); share one per run. Default: a
   * process-wide bridge of `python`, one process started on first use.
   */
  readonly bridge?: SurrogateBridge;
  /** The Python 3 interpreter of the default bridge (needs the library from PyPI). Default `python3`. */
  readonly python?: string;
  /** Limit of one training (or native prediction) in milliseconds. Default: the bridge's (300,000). */
  readonly timeoutMs?: number;
  /** Stops the training (its process is killed) when this signal aborts. */
  readonly signal?: AbortSignal;
  /**
   * Extra library parameters, passed as they are (for anything the typed options do not cover).
   * Keys and values are made of letters, digits and `_ . : + -`.
   */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * A regressor trained by an external library through a {@link SurrogateBridge}. `fit` sends the
 * data to the bridge and reads back the saved model; `predict` runs in-process on that model;
 * `predictNative` asks the library itself (for checking, not for optimization loops).
 *
 * @example
 * const model: BridgeRegressor = xgboostRegressor({ rounds: 10 });
 * model.model // => undefined
 */
export interface BridgeRegressor extends Regressor {
  fit(X: Matrix, y: Float64Array): Promise<void>;
  /** The fitted model as the library saved it (XGBoost JSON, LightGBM text), or undefined. */
  readonly model: string | undefined;
  /** The library's own predictions for X. */
  predictNative(X: Matrix): Promise<Float64Array>;
}
