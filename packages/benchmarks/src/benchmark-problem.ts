import type { DefinedProblem, EvalContext, EvalResult, Matrix } from '@paretokit/problem';

/**
 * A benchmark problem: a {@link DefinedProblem} that also knows its true Pareto front.
 *
 * `evaluate` is a synchronous batch evaluation over whole matrices; it returns `{ F }` for
 * unconstrained problems, `{ F, G }` (feasible when every `g <= 0`) for constrained ones.
 *
 * @example
 * const p: BenchmarkProblem = zdt1();
 * toArrays(p.paretoFront(3)) // => [[0, 1], [0.5, 0.2928932188134524], [1, 0]]
 */
export interface BenchmarkProblem extends DefinedProblem {
  /** Evaluates a batch synchronously: `F` one row per solution, `G` too when there are constraints. */
  evaluate(X: Matrix, ctx: EvalContext): EvalResult;
  /**
   * Points sampled from the true Pareto front, one row per point, one column per objective.
   * How many rows come back depends on the problem (see its documentation); never more than `n`.
   * Absent on problems whose front is not known (each says so in its documentation).
   */
  paretoFront?(n: number): Matrix;
  /** The best value of each objective over the Pareto front, where it is known. */
  readonly idealPoint?: readonly number[];
  /** The worst value of each objective over the Pareto front, where it is known. */
  readonly nadirPoint?: readonly number[];
}

/**
 * A benchmark problem whose true Pareto front is known: `paretoFront(n)` is always there.
 *
 * @example
 * const p: KnownFrontProblem = dtlz2({ nObj: 2 });
 * p.paretoFront(2).rows // => 2
 */
export interface KnownFrontProblem extends BenchmarkProblem {
  paretoFront(n: number): Matrix;
}
