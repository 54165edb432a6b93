import { type BridgeProcessDetails, BridgeProcessError } from './bridge-process-error.js';

/**
 * A bridge's program ran longer than its `timeoutMs` and was killed.
 *
 * @example
 * const error = new BridgeTimeoutError({ program: 'xgboost', exitCode: null, signal: 'SIGKILL', stderrTail: '' }, 50);
 * error.message // => 'xgboost did not finish within 50 ms and was killed.'
 */
export class BridgeTimeoutError extends BridgeProcessError {
  readonly timeoutMs: number;

  constructor(details: BridgeProcessDetails, timeoutMs: number) {
    super(
      details,
      'BridgeTimeoutError',
      `${details.program} did not finish within ${timeoutMs} ms and was killed.`,
    );
    this.timeoutMs = timeoutMs;
  }
}
