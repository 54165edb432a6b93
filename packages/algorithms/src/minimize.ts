import {
  checkSeed,
  type Evaluator,
  InvalidArgumentError,
  type Problem,
  serialEvaluator,
} from '@paretokit/problem';
import type { Algorithm, OptimizationResult, RunState, Termination } from './algorithm.js';

/** Options of {@link minimize}. */
export interface MinimizeOptions {
  /** When to stop, e.g. `maxGenerations(200)` or `anyOf(maxEvaluations(20_000), maxTime(60_000))`. */
  readonly termination: Termination;
  /** Seed of the run (a non-negative safe integer); also passed to the evaluations. */
  readonly seed: number;
  /** Who evaluates the asked rows (default: `serialEvaluator()`, in this process). */
  readonly evaluator?: Evaluator;
  /** Called after every told generation; the loop waits for a returned promise. */
  readonly onGeneration?: (state: RunState, algorithm: Algorithm) => void | Promise<void>;
  /** Aborts the run between (and, through the evaluator, inside) evaluations; the promise rejects with its reason. */
  readonly signal?: AbortSignal;
}

/**
 * Runs `algorithm` on `problem` until the termination says stop: a thin loop of
 * `setup / ask / evaluate / tell` (pymoo's `minimize`), with evaluation delegated to the
 * evaluator. Returns the final feasible non-dominated set in the objectives' natural sense, the
 * whole final population, and the run's cost. The algorithm is set up anew, so one configured
 * algorithm serves many seeds. Cost: the algorithm's and the evaluations'.
 *
 * @example
 * const result = await minimize(zdt1(), nsga2({ populationSize: 100 }), { termination: maxGenerations(200), seed: 1 });
 * result.evaluations // => 20000
 */
export async function minimize(
  problem: Problem,
  algorithm: Algorithm,
  options: MinimizeOptions,
): Promise<OptimizationResult> {
  if (typeof problem?.evaluate !== 'function') {
    throw new InvalidArgumentError({
      argument: 'minimize(problem)',
      expected: 'a Problem with an evaluate method',
      actual: problem,
    });
  }
  if (typeof algorithm?.setup !== 'function' || typeof algorithm.ask !== 'function') {
    throw new InvalidArgumentError({
      argument: 'minimize(problem, algorithm)',
      expected: 'an Algorithm such as nsga2({ populationSize: 100 })',
      actual: algorithm,
    });
  }
  const { termination, seed, onGeneration, signal } = options ?? ({} as MinimizeOptions);
  if (typeof termination !== 'function') {
    throw new InvalidArgumentError({
      argument: 'minimize: options.termination',
      expected: 'a termination such as maxGenerations(200)',
      actual: termination,
    });
  }
  checkSeed(seed, 'minimize: options.seed');
  const evaluator = options.evaluator ?? serialEvaluator();
  const context = signal === undefined ? { seed } : { seed, signal };
  const started = performance.now();
  let generation = 0;
  let evaluations = 0;
  signal?.throwIfAborted();
  algorithm.setup(problem, { seed, termination });
  while (!algorithm.done) {
    signal?.throwIfAborted();
    const X = algorithm.ask();
    const result = await evaluator.evaluate(problem, X, context);
    signal?.throwIfAborted();
    algorithm.tell(X, result);
    generation++;
    evaluations += X.rows;
    if (onGeneration !== undefined) {
      await onGeneration({ generation, evaluations, elapsedMs: performance.now() - started }, algorithm);
    }
  }
  return algorithm.result();
}
