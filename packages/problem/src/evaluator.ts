import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { createMatrix, type Matrix, vstack } from './matrix.js';
import type { EvalContext, EvalResult, Problem } from './problem.js';

/**
 * Runs a problem's evaluations: in this process one batch after another, on worker threads, or on
 * machines behind a queue. Every implementation returns the rows' results in row order.
 */
export interface Evaluator {
  evaluate(problem: Problem, X: Matrix, ctx?: Partial<EvalContext>): Promise<EvalResult>;
}

/** Options of {@link serialEvaluator}. */
export interface SerialEvaluatorOptions {
  /** Rows per call of `problem.evaluate` (default: all rows in one call). */
  readonly batchSize?: number;
  /** Called after each batch with its first row index, rows and result (for logging or checkpoints). */
  readonly onBatch?: (start: number, X: Matrix, result: EvalResult) => void | Promise<void>;
}

function sliceRows(X: Matrix, start: number, end: number): Matrix {
  return createMatrix(end - start, X.cols, X.data.slice(start * X.cols, end * X.cols));
}

/**
 * The default evaluator: calls `problem.evaluate` in this process, batch after batch, awaiting
 * each, and checks the abort signal between batches. The seed defaults to 0.
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
  return {
    async evaluate(problem, X, ctx = {}) {
      const context: EvalContext = { seed: ctx.seed ?? 0, ...(ctx.signal ? { signal: ctx.signal } : {}) };
      const size = batchSize ?? Math.max(1, X.rows);
      const Fs: Matrix[] = [];
      const Gs: Matrix[] = [];
      // An empty batch still makes one call, so the problem returns its 0-row shapes.
      for (let start = 0; start === 0 || start < X.rows; start += size) {
        context.signal?.throwIfAborted();
        const end = Math.min(X.rows, start + size);
        const part = size >= X.rows ? X : sliceRows(X, start, end);
        const result = await problem.evaluate(part, context);
        await onBatch?.(start, part, result);
        Fs.push(result.F);
        if (result.G) Gs.push(result.G);
      }
      const F = Fs.length === 1 ? Fs[0]! : vstack(Fs);
      if (problem.constraints.length === 0) return { F };
      return { F, G: Gs.length === 1 ? Gs[0]! : vstack(Gs) };
    },
  };
}
