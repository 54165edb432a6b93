import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { createMatrix, type Matrix, selectRows, vstack } from './matrix.js';
import type { EvalContext, EvalResult, Problem } from './problem.js';
import { type RowError, type RowErrorPolicy, rowError, rowEvaluationError } from './row-error.js';

/**
 * What one evaluator call is given besides the problem and rows: the evaluation context (seed,
 * signal), a per-row completion callback and the failure policy.
 */
export interface EvaluateOptions extends Partial<EvalContext> {
  /**
   * Called once per row as soon as its result is known (a 1-row result; row index into `X`), in
   * completion order, before `evaluate` resolves; calls never overlap and each is awaited. A
   * caller that logs here loses no completed row when the process dies in the middle of a batch.
   */
  readonly onRow?: (row: number, result: EvalResult) => void | Promise<void>;
  /** When a row's evaluation throws (default: the evaluator's own setting). */
  readonly onRowError?: RowErrorPolicy;
}

/**
 * Runs a problem's evaluations: in this process one batch after another, on worker threads, or on
 * machines behind a queue. Every implementation returns the rows' results in row order and honours
 * {@link EvaluateOptions}.
 */
export interface Evaluator {
  evaluate(problem: Problem, X: Matrix, options?: EvaluateOptions): Promise<EvalResult>;
}

/** Options of {@link serialEvaluator}. */
export interface SerialEvaluatorOptions {
  /** Rows per call of `problem.evaluate` (default: all rows in one call). */
  readonly batchSize?: number;
  /** Called after each batch with its first row index, rows and result (for logging or checkpoints). */
  readonly onBatch?: (start: number, X: Matrix, result: EvalResult) => void | Promise<void>;
  /**
   * When `problem.evaluate` throws: unset (the default), the error propagates as thrown; `"stop"`
   * or `"mark-failed"` (see {@link RowErrorPolicy}) first re-evaluate a failed batch of several
   * rows one row at a time to find the failing rows.
   */
  readonly onRowError?: RowErrorPolicy;
}

function sliceRows(X: Matrix, start: number, end: number): Matrix {
  return createMatrix(end - start, X.cols, X.data.slice(start * X.cols, end * X.cols));
}

/**
 * The given rows of an evaluation result (objectives and, when present, constraints), in the given
 * order; row errors are not carried over. O(k·(objectives + constraints)).
 *
 * @example
 * toArrays(selectResultRows({ F: toMatrix([[1, 2], [3, 4]]) }, [1]).F) // => [[3, 4]]
 */
export function selectResultRows(result: EvalResult, rows: ArrayLike<number>): EvalResult {
  return result.G === undefined
    ? { F: selectRows(result.F, rows) }
    : { F: selectRows(result.F, rows), G: selectRows(result.G, rows) };
}

/** Row `r` of a batch result as a 1-row result, with the batch's errors about it. */
function rowOf(result: EvalResult, r: number, errors: readonly RowError[]): EvalResult {
  const row = selectResultRows(result, [r]);
  return errors.length > 0 ? { ...row, errors } : row;
}

/**
 * The default evaluator: calls `problem.evaluate` in this process, batch after batch, awaiting
 * each, and checks the abort signal between batches. The seed defaults to 0. With `onRow`, each
 * row of a batch is reported when its batch returns. Cost: the problem's.
 *
 * @example
 * const square = defineProblem({ name: 'square', variables: [real(0, 2)], objectives: [{ name: 'f' }], evaluate: (X) => ({ F: createMatrix(X.rows, 1, X.data.map((x) => x * x)) }) });
 * const { F } = await serialEvaluator({ batchSize: 2 }).evaluate(square, toMatrix([[1], [2], [0.5]]));
 * F.data // => Float64Array [1, 4, 0.25]
 */
export function serialEvaluator(options: SerialEvaluatorOptions = {}): Evaluator {
  const { batchSize, onBatch } = options;
  if (batchSize !== undefined && (!Number.isSafeInteger(batchSize) || batchSize < 1)) {
    throw new InvalidArgumentError({
      argument: 'serialEvaluator: batchSize',
      expected: 'a positive integer',
      actual: batchSize,
    });
  }
  checkPolicy(options.onRowError, 'serialEvaluator: onRowError');
  return {
    async evaluate(problem, X, ctx = {}) {
      const context: EvalContext = { seed: ctx.seed ?? 0, ...(ctx.signal ? { signal: ctx.signal } : {}) };
      const policy = checkPolicy(ctx.onRowError, 'evaluate: onRowError') ?? options.onRowError;
      const onRow = ctx.onRow;
      const size = batchSize ?? Math.max(1, X.rows);
      const Fs: Matrix[] = [];
      const Gs: Matrix[] = [];
      const errors: RowError[] = [];
      const m = problem.objectives.length;
      const k = problem.constraints.length;
      const runBatch = async (start: number, part: Matrix): Promise<void> => {
        let result: EvalResult;
        const failed: RowError[] = [];
        try {
          result = await problem.evaluate(part, context);
        } catch (error) {
          if (policy === undefined || context.signal?.aborted) throw error;
          if (part.rows > 1) {
            // Which rows fail? Each alone, in order.
            for (let r = 0; r < part.rows; r++) await runBatch(start + r, sliceRows(part, r, r + 1));
            return;
          }
          const failure = { ...rowError(problem, part, 0, error), row: start };
          if (policy === 'stop') throw rowEvaluationError(problem.name, failure, error);
          failed.push(failure);
          errors.push(failure);
          result = {
            F: createMatrix(1, m, new Float64Array(m).fill(Number.NaN)),
            ...(k === 0 ? {} : { G: createMatrix(1, k, new Float64Array(k).fill(Number.NaN)) }),
            errors: failed,
          };
        }
        await onBatch?.(start, part, result);
        Fs.push(result.F);
        if (result.G) Gs.push(result.G);
        if (onRow !== undefined) {
          for (let r = 0; r < part.rows; r++) await onRow(start + r, rowOf(result, r, failed));
        }
      };
      // An empty batch still makes one call, so the problem returns its 0-row shapes.
      for (let start = 0; start === 0 || start < X.rows; start += size) {
        context.signal?.throwIfAborted();
        const end = Math.min(X.rows, start + size);
        await runBatch(start, size >= X.rows ? X : sliceRows(X, start, end));
      }
      const F = Fs.length === 1 ? Fs[0]! : vstack(Fs);
      const extra = errors.length === 0 ? {} : { errors };
      if (problem.constraints.length === 0) return { F, ...extra };
      return { F, G: Gs.length === 1 ? Gs[0]! : vstack(Gs), ...extra };
    },
  };
}

function checkPolicy(policy: unknown, argument: string): RowErrorPolicy | undefined {
  if (policy === undefined || policy === 'stop' || policy === 'mark-failed') return policy;
  throw new InvalidArgumentError({ argument, expected: '"stop" or "mark-failed"', actual: policy });
}
