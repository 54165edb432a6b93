import {
  constraintViolation,
  type EvalResult,
  type Matrix,
  negateMaximized,
  type Problem,
} from '@paretokit/problem';

/** An evaluation as the algorithms see it: every objective minimized, with the total violation. */
export interface MinimizedValues {
  /** Objectives with `max` columns negated. */
  readonly F: Matrix;
  /** Constraint values as returned (absent without constraints). */
  readonly G?: Matrix;
  /** Total constraint violation per row (0 = feasible). */
  readonly CV: Float64Array;
}

/** Reads an evaluation result once into minimized form. O(rows·(m + k)). */
export function minimizedValues(problem: Problem, result: EvalResult): MinimizedValues {
  const F = negateMaximized(result.F, problem.objectives);
  const CV = constraintViolation(result.G, result.F.rows);
  return result.G === undefined ? { F, CV } : { F, G: result.G, CV };
}
