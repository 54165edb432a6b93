import {
  createMatrix,
  type EvalResult,
  type Matrix,
  type Problem,
  type RowError,
  type RowErrorPolicy,
  rowError,
  rowEvaluationError,
} from '@paretokit/problem';

/**
 * Gathers rows that complete in any order into results in row order; applies the failure policy
 * and calls `onRow` one row at a time (calls never overlap, each is awaited).
 */
export class RowCollector {
  private readonly F: Float64Array;
  private readonly G: Float64Array;
  private readonly errors: RowError[] = [];
  private readonly done: Uint8Array;
  private chain: Promise<void> = Promise.resolve();
  private readonly m: number;
  private readonly k: number;

  constructor(
    private readonly problem: Problem,
    private readonly X: Matrix,
    private readonly policy: RowErrorPolicy,
    private readonly onRow: ((row: number, result: EvalResult) => void | Promise<void>) | undefined,
  ) {
    this.m = problem.objectives.length;
    this.k = problem.constraints.length;
    this.F = new Float64Array(X.rows * this.m);
    this.G = new Float64Array(X.rows * this.k);
    this.done = new Uint8Array(X.rows);
  }

  /** Row `i` is done: its values, or the message of its failure. Rejects on a stopping failure. */
  complete(i: number, f: ArrayLike<number>, g: ArrayLike<number>, failure?: string): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (this.done[i] === 1) return;
      this.done[i] = 1;
      const { m, k } = this;
      let errors: RowError[] = [];
      if (failure !== undefined) {
        const error = rowError(this.problem, this.X, i, new Error(failure));
        if (this.policy === 'stop') throw rowEvaluationError(this.problem.name, error);
        errors = [error];
        this.errors.push(error);
        this.F.fill(Number.NaN, i * m, (i + 1) * m);
        this.G.fill(Number.NaN, i * k, (i + 1) * k);
      } else {
        this.F.set(f, i * m);
        this.G.set(g, i * k);
      }
      if (this.onRow === undefined) return;
      const F = createMatrix(1, m, this.F.slice(i * m, (i + 1) * m));
      const G = createMatrix(1, k, this.G.slice(i * k, (i + 1) * k));
      await this.onRow(i, {
        F,
        ...(k === 0 ? {} : { G }),
        ...(errors.length === 0 ? {} : { errors }),
      });
    });
    return this.chain;
  }

  /** Every row's values in row order, and the failed rows (by row). */
  result(): EvalResult {
    const F = createMatrix(this.X.rows, this.m, this.F);
    const errors = this.errors.slice().sort((a, b) => a.row - b.row);
    return {
      F,
      ...(this.k === 0 ? {} : { G: createMatrix(this.X.rows, this.k, this.G) }),
      ...(errors.length === 0 ? {} : { errors }),
    };
  }
}
