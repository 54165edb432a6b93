import { ParetokitError } from '@paretokit/problem';

/** Fields of a {@link BridgeProcessError}. */
export interface BridgeProcessDetails {
  /** The program that was run. */
  readonly program: string;
  /** Its exit code, or null when a signal ended it. */
  readonly exitCode: number | null;
  /** The signal that ended it, if any. */
  readonly signal: string | null;
  /** The last lines of what it wrote to stderr (or stdout when stderr was empty). */
  readonly stderrTail: string;
}

/**
 * A bridge's program (xgboost, lightgbm, python3) crashed or exited with a non-zero code. Carries
 * the exit code and the tail of its error output.
 *
 * @example
 * const error = new BridgeProcessError({ program: 'xgboost', exitCode: 1, signal: null, stderrTail: 'bad data' });
 * error.message // => 'xgboost exited with code 1: bad data'
 */
export class BridgeProcessError extends ParetokitError {
  readonly program: string;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stderrTail: string;

  constructor(details: BridgeProcessDetails, name = 'BridgeProcessError', message?: string) {
    const how =
      details.exitCode === null ? `was killed by ${details.signal}` : `exited with code ${details.exitCode}`;
    super(name, message ?? `${details.program} ${how}${details.stderrTail ? `: ${details.stderrTail}` : ''}`);
    this.program = details.program;
    this.exitCode = details.exitCode;
    this.signal = details.signal;
    this.stderrTail = details.stderrTail;
  }
}
