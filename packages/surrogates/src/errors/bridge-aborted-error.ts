import { type BridgeProcessDetails, BridgeProcessError } from './bridge-process-error.js';

/**
 * A bridge's program was killed because its `AbortSignal` fired; `cause` is the signal's reason.
 *
 * @example
 * const error = new BridgeAbortedError({ program: 'python3', exitCode: null, signal: 'SIGKILL', stderrTail: '' }, 'stop');
 * error.message // => 'python3 was aborted and killed.'
 */
export class BridgeAbortedError extends BridgeProcessError {
  constructor(details: BridgeProcessDetails, reason: unknown) {
    super(details, 'BridgeAbortedError', `${details.program} was aborted and killed.`);
    Object.defineProperty(this, 'cause', {
      value: reason,
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }
}
