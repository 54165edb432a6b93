import { ParetokitError } from '@paretokit/problem';

/** Why an Optuna process failed. */
export type OptunaFailure = 'exited' | 'timeout' | 'aborted' | 'protocol' | 'library';

/** Fields of an {@link OptunaProcessError}. */
export interface OptunaProcessDetails {
  /** `exited`: it died; `timeout`: no answer in time; `aborted`: the caller's signal; `protocol`: a
   * malformed message; `library`: Optuna raised (the trace is in `stderrTail`). */
  readonly reason: OptunaFailure;
  /** What happened, in words. */
  readonly detail: string;
  /** The last lines the process wrote to stderr (Optuna's warnings, a Python traceback). */
  readonly stderrTail: string;
  readonly cause?: unknown;
}

/**
 * The Python process of an `optuna-tpe` run failed: it died, did not answer within the time limit,
 * was aborted, or Optuna raised. The process (and its process group) is gone when this is thrown.
 *
 * @example
 * const error = new OptunaProcessError({ reason: 'timeout', detail: 'no message within 50 ms', stderrTail: '' });
 * error.message // => 'optuna-tpe: the Optuna process failed (timeout): no message within 50 ms.'
 */
export class OptunaProcessError extends ParetokitError {
  readonly reason: OptunaFailure;
  readonly stderrTail: string;

  constructor(details: OptunaProcessDetails) {
    const tail = details.stderrTail === '' ? '' : `\n${details.stderrTail}`;
    super(
      'OptunaProcessError',
      `optuna-tpe: the Optuna process failed (${details.reason}): ${details.detail}.${tail}`,
      { cause: details.cause },
    );
    this.reason = details.reason;
    this.stderrTail = details.stderrTail;
  }
}
