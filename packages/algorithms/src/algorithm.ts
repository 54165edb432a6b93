import type { EvalResult, Matrix, Problem } from '@paretokit/problem';

/** Where a run stands; what terminations look at. */
export interface RunState {
  /** Completed generations: every tell completes one, the initial population's being generation 1 (pymoo's n_gen). */
  readonly generation: number;
  /** Rows evaluated so far. */
  readonly evaluations: number;
  /** Milliseconds since setup. */
  readonly elapsedMs: number;
}

/** Decides when a run stops: true means stop. Build with maxGenerations, maxEvaluations, maxTime, anyOf. */
export type Termination = (state: RunState) => boolean;

/** What an algorithm is set up with: everything that changes between runs of the same configuration. */
export interface RunOptions {
  readonly seed: number;
  readonly termination: Termination;
}

/** A set of solutions with their values: objectives in their natural sense, G absent without constraints. */
export interface SolutionSet {
  readonly X: Matrix;
  readonly F: Matrix;
  readonly G?: Matrix;
  /** Total constraint violation per row (0 = feasible). */
  readonly CV: Float64Array;
}

/** What a run returns: the final feasible non-dominated set, the whole final population and the run's cost. */
export interface OptimizationResult extends SolutionSet {
  readonly population: SolutionSet;
  readonly evaluations: number;
  readonly generations: number;
  readonly elapsedMs: number;
}

/**
 * An optimizer driven by ask/tell: the caller owns evaluation. `setup` resets every piece of state,
 * so one configured algorithm serves many seeds; the same seed gives the same run, bit for bit.
 */
export interface Algorithm {
  readonly name: string;
  setup(problem: Problem, options: RunOptions): void;
  /** Candidate solutions to evaluate (encoded rows within the problem's bounds). */
  ask(): Matrix;
  /** The values of the rows last asked for (natural sense; the algorithm negates `max` objectives itself). */
  tell(X: Matrix, result: EvalResult): void;
  readonly done: boolean;
  result(): OptimizationResult;
}
