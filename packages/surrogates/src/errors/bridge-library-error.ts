import { ParetokitError } from '@paretokit/problem';

/** Fields of a {@link BridgeLibraryError}. */
export interface BridgeLibraryDetails {
  /** The library that raised: `"XGBoost"`, `"LightGBM"`. */
  readonly library: string;
  /** The exception as Python printed it. */
  readonly message: string;
  /** The end of its Python traceback. */
  readonly trace: string;
}

/**
 * The library itself refused a request of a surrogate bridge (e.g. an unknown parameter): the
 * process is fine, the exception and its traceback come back here.
 *
 * @example
 * const error = new BridgeLibraryError({ library: 'LightGBM', message: "LightGBMError('Unknown parameter')", trace: '' });
 * error.message // => "LightGBM raised LightGBMError('Unknown parameter')"
 */
export class BridgeLibraryError extends ParetokitError {
  readonly library: string;
  readonly trace: string;

  constructor(details: BridgeLibraryDetails) {
    super('BridgeLibraryError', `${details.library} raised ${details.message}`);
    this.library = details.library;
    this.trace = details.trace;
  }
}
