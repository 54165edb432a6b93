import type { Matrix } from './matrix.js';
import type { RowError } from './row-error.js';
import type { Variable } from './variables.js';

/** Whether an objective is to be made small or large. */
export type Sense = 'min' | 'max';

/** One objective of a problem, in its natural sense (accuracy is maximized, cost minimized). */
export interface Objective {
  readonly name: string;
  readonly sense: Sense;
}

/** One inequality constraint: a solution is feasible when its value `g <= 0`. */
export interface Constraint {
  readonly name: string;
}

/** What an evaluation is given besides the rows: a seed for anything random, and a way to stop. */
export interface EvalContext {
  /** Seed for randomness inside the evaluation (same seed and row, same result). */
  readonly seed: number;
  /** Aborts a long evaluation; evaluators check it between rows or batches. */
  readonly signal?: AbortSignal;
}

/**
 * The values of a batch: `F` has one row per solution and one column per objective, in the
 * objectives' natural sense; `G` one column per constraint (feasible when `<= 0`), absent when
 * the problem has no constraints. `errors` lists the rows an evaluator marked failed (their values
 * are NaN), when asked to with `onRowError: "mark-failed"`.
 */
export interface EvalResult {
  readonly F: Matrix;
  readonly G?: Matrix;
  readonly errors?: readonly RowError[];
}

/** An optimization problem: variables, objectives, constraints and a batch evaluation. */
export interface Problem {
  readonly name: string;
  readonly variables: readonly Variable[];
  readonly objectives: readonly Objective[];
  readonly constraints: readonly Constraint[];
  /** Evaluates one row per solution; may be sync or async. */
  evaluate(X: Matrix, ctx: EvalContext): EvalResult | Promise<EvalResult>;
}
