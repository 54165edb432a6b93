import { ParetokitError } from './paretokit-error.js';

/** Fields of an {@link EvaluationError}. */
export interface EvaluationErrorDetails {
  /** Name of the problem whose evaluation went wrong. */
  readonly problem: string;
  /** What went wrong, without the location: `"objective is NaN"`. */
  readonly reason: string;
  /** 0-based row (solution) of the batch, when one row is at fault. */
  readonly row?: number;
  /** Name of the column (variable, objective or constraint) at fault. */
  readonly column?: string;
  /** The original error, when the problem's own code threw. */
  readonly cause?: unknown;
  /** The row's decoded variable values, when one row is at fault. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/**
 * A problem's evaluation broke its contract (wrong shape, NaN, a row outside the bounds) or threw.
 * The message names the problem, the row and the column.
 *
 * @example
 * const error = new EvaluationError({ problem: 'zdt1', row: 4, column: 'f2', reason: 'value is NaN' });
 * error.message // => 'zdt1, row 4, column f2: value is NaN.'
 */
export class EvaluationError extends ParetokitError {
  readonly problem: string;
  readonly reason: string;
  readonly row: number | undefined;
  readonly column: string | undefined;
  readonly settings: Readonly<Record<string, unknown>> | undefined;

  constructor(details: EvaluationErrorDetails) {
    const where = [
      details.problem,
      details.row === undefined ? undefined : `row ${details.row}`,
      details.column === undefined ? undefined : `column ${details.column}`,
    ]
      .filter((s) => s !== undefined)
      .join(', ');
    super('EvaluationError', `${where}: ${details.reason}.`, { cause: details.cause });
    this.problem = details.problem;
    this.reason = details.reason;
    this.row = details.row;
    this.column = details.column;
    this.settings = details.settings;
  }
}
