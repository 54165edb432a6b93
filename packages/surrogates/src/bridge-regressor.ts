import type { Matrix } from '@paretokit/problem';
import type { Regressor } from './regressor.js';

/** Options every bridge regressor (XGBoost, LightGBM) takes besides its library's parameters. */
export interface BridgeOptions {
  /** Kill the training (or native prediction) program after this many milliseconds. Default none. */
  readonly timeoutMs?: number;
  /** Kill the program when this signal aborts. */
  readonly signal?: AbortSignal;
  /**
   * Extra library parameters, written as `key=value` exactly as given (for anything the typed
   * options do not cover). Keys and values may not contain `=`, `#`, quotes or whitespace.
   */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * A regressor trained by an external library. `fit` runs the library's program; `predict` runs
 * in-process on the saved model; `predictNative` asks the library itself (one process start per
 * call: for checking, not for optimization loops).
 *
 * @example
 * const model: BridgeRegressor = xgboostRegressor({ rounds: 10 });
 * model.model // => undefined
 */
export interface BridgeRegressor extends Regressor {
  fit(X: Matrix, y: Float64Array): Promise<void>;
  /** The fitted model as the library saved it (XGBoost JSON, LightGBM text), or undefined. */
  readonly model: string | undefined;
  /** The library's own predictions for X, computed by its program. */
  predictNative(X: Matrix): Promise<Float64Array>;
}
