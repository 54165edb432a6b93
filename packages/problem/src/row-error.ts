import { EvaluationError } from './errors/evaluation-error.js';
import type { Matrix } from './matrix.js';
import type { Problem } from './problem.js';
import { variableSpace } from './variable-space.js';

/**
 * What an evaluator does when one row's evaluation throws: `"stop"` rejects the whole call with an
 * {@link EvaluationError} naming the row and its settings (after reporting the rows that did
 * complete); `"mark-failed"` gives the row NaN objectives and constraints, lists it in
 * `EvalResult.errors` and goes on.
 */
export type RowErrorPolicy = 'stop' | 'mark-failed';

/** A row whose evaluation failed: its index in the evaluated matrix, its decoded settings, why. */
export interface RowError {
  readonly row: number;
  /** The row's variable values by name, decoded (choices as their values, binaries as booleans). */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/**
 * The decoded settings of row `row` of `X`, for error reports; raw numbers by variable name when
 * they cannot be decoded. O(variables).
 *
 * @example
 * const p = defineProblem({ name: 'p', variables: { rate: real(0, 1), mode: choice(['a', 'b']) }, objectives: [{ name: 'f' }], evaluateOne: () => ({ F: [0] }) });
 * rowSettings(p, toMatrix([[0.5, 1]]), 0) // => { rate: 0.5, mode: 'b' }
 */
export function rowSettings(problem: Problem, X: Matrix, row: number): Record<string, unknown> {
  const values = X.data.subarray(row * X.cols, (row + 1) * X.cols);
  try {
    const space = (problem as { space?: { decode(r: ArrayLike<number>): Record<string, unknown> } }).space;
    return space !== undefined ? space.decode(values) : variableSpace(problem.variables).decode(values);
  } catch {
    const out: Record<string, unknown> = {};
    values.forEach((v, j) => {
      out[problem.variables[j]?.name ?? `x${j + 1}`] = v;
    });
    return out;
  }
}

/**
 * The {@link RowError} of row `row` of `X` that failed with `error`. O(variables).
 *
 * @example
 * const p = defineProblem({ name: 'p', variables: { rate: real(0, 1) }, objectives: [{ name: 'f' }], evaluateOne: () => ({ F: [0] }) });
 * rowError(p, toMatrix([[0.25]]), 0, new Error('out of memory')) // => { row: 0, settings: { rate: 0.25 }, message: 'out of memory' }
 */
export function rowError(problem: Problem, X: Matrix, row: number, error: unknown): RowError {
  return {
    row,
    settings: rowSettings(problem, X, row),
    message: error instanceof Error ? error.message : String(error),
  };
}

/**
 * The {@link EvaluationError} that stops a run at a failed row: problem, row, settings, message.
 *
 * @example
 * const error = rowEvaluationError('p', { row: 3, settings: { rate: 0.25 }, message: 'boom' });
 * error.message // => 'p, row 3: boom (settings {"rate":0.25}).'
 */
export function rowEvaluationError(problem: string, failure: RowError, cause?: unknown): EvaluationError {
  return new EvaluationError({
    problem,
    row: failure.row,
    reason: `${failure.message} (settings ${JSON.stringify(failure.settings)})`,
    settings: failure.settings,
    ...(cause === undefined ? {} : { cause }),
  });
}
