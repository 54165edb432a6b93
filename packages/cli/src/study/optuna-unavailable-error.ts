import { ParetokitError } from '@paretokit/problem';

/** Fields of an {@link OptunaUnavailableError}. */
export interface OptunaUnavailableDetails {
  /** The interpreter that was run, e.g. `python3`. */
  readonly python: string;
  /** What went wrong, e.g. `python3 cannot import optuna (No module named 'optuna')`. */
  readonly missing: string;
  readonly cause?: unknown;
}

/**
 * The `optuna-tpe` method cannot run: Python does not start, or it has no Optuna. Raised before
 * the run's first evaluation; the message says what to install.
 *
 * @example
 * const error = new OptunaUnavailableError({ python: 'python3', missing: 'python3 cannot import optuna' });
 * error.message // => 'optuna-tpe needs Optuna (python3 cannot import optuna). Install it with: python3 -m pip install optuna'
 */
export class OptunaUnavailableError extends ParetokitError {
  readonly python: string;
  /** The command that installs what is missing. */
  readonly install = 'python3 -m pip install optuna';

  constructor(details: OptunaUnavailableDetails) {
    super(
      'OptunaUnavailableError',
      `optuna-tpe needs Optuna (${details.missing}). Install it with: python3 -m pip install optuna`,
      { cause: details.cause },
    );
    this.python = details.python;
  }
}
