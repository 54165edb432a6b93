import { ParetokitError } from '@paretokit/problem';

/** Fields of a {@link BridgeUnavailableError}. */
export interface BridgeUnavailableDetails {
  /** The library the bridge needs: `"XGBoost"`, `"LightGBM"`. */
  readonly library: string;
  /** What is missing, e.g. `"python3 cannot import xgboost"`. */
  readonly missing: string;
  /** How to install it, e.g. `"python3 -m pip install xgboost"`. */
  readonly install: string;
  readonly cause?: unknown;
}

/**
 * The program or package a bridge regressor trains with is not installed. The message says what
 * to install.
 *
 * @example
 * const error = new BridgeUnavailableError({ library: 'XGBoost', missing: 'python3 cannot import xgboost', install: 'python3 -m pip install xgboost' });
 * error.message // => 'XGBoost is not available (python3 cannot import xgboost). Install it with: python3 -m pip install xgboost'
 */
export class BridgeUnavailableError extends ParetokitError {
  readonly library: string;
  readonly install: string;

  constructor(details: BridgeUnavailableDetails) {
    super(
      'BridgeUnavailableError',
      `${details.library} is not available (${details.missing}). Install it with: ${details.install}`,
      { cause: details.cause },
    );
    this.library = details.library;
    this.install = details.install;
  }
}
