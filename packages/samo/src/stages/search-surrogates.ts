import { minimize, type OptimizationResult } from '@paretokit/algorithms';
import type { Regressor } from '@paretokit/surrogates';
import { surrogateProblem } from '../internal/surrogate-problem.js';
import type { IterationContext } from './types.js';

/**
 * The study's step 4: the surrogate problem (the problem's variables, each objective and constraint
 * predicted by its fitted model; `models` holds the objectives' then the constraints') solved by the
 * run's optimizer from `seed`. Cost: the optimizer's, with one predict call per target per generation.
 */
export function searchSurrogates(
  context: IterationContext,
  models: readonly Regressor[],
  seed: number,
): Promise<OptimizationResult> {
  const { problem, settings, signal } = context;
  const m = problem.objectives.length;
  const surrogate = surrogateProblem(problem, models.slice(0, m), models.slice(m), context.encode);
  return minimize(surrogate, settings.optimizer, {
    termination: settings.optimizerTermination,
    seed,
    ...(signal === undefined ? {} : { signal }),
  });
}
